package dev.tune.store.postgres;

import dev.tune.result.Perturbation;
import dev.tune.result.Result;
import dev.tune.result.SavedCheckpoint;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.store.ExperimentInfo;
import dev.tune.store.ExperimentState;
import dev.tune.store.ExperimentStore;
import dev.tune.store.SharedRun.Gathering;
import dev.tune.store.StoreEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker's writes to a shared experiment: results, checkpoints, PBT steps and ends become
 * events in the experiment's log, and an end also closes the trial's row. Writes are buffered and
 * go out in one statement per {@link #flush()}, which the {@code BackgroundStore} wrapping it
 * calls after each batch, so a burst of results costs one round trip. New trials are recorded by
 * the claim that creates them ({@link PostgresExperiment#claim}), not here. Used from one thread.
 */
final class PostgresStore implements ExperimentStore {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresStore.class);
    /** How long a gathering store's writes wait for others to go out with them. */
    static final long GATHER_MILLIS = 25;
    /**
     * How long results wait for their trial's end when no worker reads them as they come: long
     * enough that a trial's results go out with its end, short enough that the log, which a
     * dashboard on another machine reads, stays about current.
     */
    static final long RESULTS_WAIT_MILLIS = 1000;

    private final Session session;
    private final long experiment;
    private final Path experimentDir;
    private final String worker;
    private final boolean resultsDecided;
    private final Gathering gathering;
    private final List<EventLog.Event> buffer = new ArrayList<>();
    private final List<Trial> ended = new ArrayList<>();
    private final List<Archive> archives = new ArrayList<>();
    private boolean warnedLarge;
    private ExperimentState state;

    PostgresStore(Session session, long experiment, Path experimentDir, String worker, boolean resultsDecided,
            Gathering gathering) {
        this.resultsDecided = resultsDecided;
        this.gathering = gathering;
        this.session = session;
        this.experiment = experiment;
        this.experimentDir = experimentDir;
        this.worker = worker;
    }

    @Override
    public void open(ExperimentInfo info) {
        // the experiment's row was written when the worker joined
    }

    @Override
    public void addTrial(Trial trial) {
        // written by the claim, in the same transaction as the searcher's suggestion
    }

    @Override
    public void appendResult(Trial trial, Result result) {
        if (resultsDecided) {
            return; // recorded where the scheduler decided on it (PostgresExperiment.decide)
        }
        buffer.add(new EventLog.Event(trial.number(), StoreEvents.RESULT, StoreEvents.result(result)));
    }

    /**
     * Records the checkpoint's event and, when its files add up to at most
     * {@link CheckpointBytes#LIMIT}, its files too, in the same transaction and before the event.
     */
    @Override
    public void addCheckpoint(Trial trial, SavedCheckpoint checkpoint) {
        String dir = StoreEvents.relativeDir(experimentDir, checkpoint.dir());
        Optional<byte[]> archive = CheckpointBytes.pack(checkpoint.dir());
        if (archive.isPresent()) {
            archives.add(new Archive(trial.number(), dir, archive.get()));
        } else if (!warnedLarge && Files.isDirectory(checkpoint.dir())) {
            warnedLarge = true;
            LOG.warn("Checkpoint {} of trial {} is larger than the {} KiB kept in the database: other machines reach"
                    + " it only when tune.storage.checkpoints is a directory they share", checkpoint.dir(), trial.id(),
                    CheckpointBytes.LIMIT >> 10);
        }
        buffer.add(new EventLog.Event(trial.number(), StoreEvents.CHECKPOINT,
                StoreEvents.checkpoint(trial, checkpoint, dir)));
    }

    /** A checkpoint's files to keep in the database with the next flush. */
    private record Archive(int number, String dir, byte[] bytes) {
    }

    @Override
    public void perturbed(Trial trial, Perturbation step, boolean log) {
        buffer.add(new EventLog.Event(trial.number(), StoreEvents.PERTURBED, StoreEvents.perturbed(step)));
    }

    @Override
    public void endTrial(Trial trial) {
        buffer.add(new EventLog.Event(trial.number(), StoreEvents.ENDED, StoreEvents.ended(trial)));
        ended.add(trial);
    }

    @Override
    public void saveState(ExperimentState newState) {
        state = newState;
    }

    /**
     * Every flush takes the experiment's lock, which every worker's claims and appends queue for:
     * with a window of {@link #GATHER_MILLIS}, the ends and results of a worker's trials that come
     * within 25 ms of each other go out in one append. On B7 (64 slots of 100 ms trials) this halved
     * the appends. A trial's end reaches the log that much later, which a model-based searcher would
     * see as a trial still running (B4W: CMA-ES lost quality on 20 ms trials): with a searcher
     * that reads the log, only results wait, up to {@link #RESULTS_WAIT_MILLIS}, and an end takes
     * them with it ({@link Gathering}): a trial's results and end go out in one append (B7 tpe-asha,
     * 16 slots: 4,114 appends for 2,000 trials with a window of 25 ms).
     */
    @Override
    public long flushWindowMillis() {
        return switch (gathering) {
            case NONE -> 0;
            case RESULTS -> RESULTS_WAIT_MILLIS;
            case ALL -> GATHER_MILLIS;
        };
    }

    @Override
    public boolean endsGoOutAtOnce() {
        return gathering == Gathering.RESULTS;
    }

    @Override
    public void flush() {
        if (buffer.isEmpty() && ended.isEmpty() && state == null) {
            return;
        }
        session.transaction("cannot record results in", this::write);
        buffer.clear();
        ended.clear();
        archives.clear();
        state = null;
    }

    /**
     * Writes what is buffered in one statement ({@code tune_append}, which holds the experiment's
     * lock only inside the server); run again as a whole when the connection broke. Events and
     * ends of trials this worker no longer runs are dropped there: a trial another worker took
     * over (this worker's heartbeat stopped for longer than the grace period, and came back) is
     * the new worker's alone.
     */
    private Void write(Connection connection) throws SQLException {
        for (Archive archive : archives) {
            CheckpointBytes.store(connection, experiment, archive.number(), archive.dir(), archive.bytes());
        }
        int n = buffer.size();
        Integer[] numbers = new Integer[n];
        String[] kinds = new String[n];
        String[] bodies = new String[n];
        for (int i = 0; i < n; i++) {
            EventLog.Event event = buffer.get(i);
            numbers[i] = event.trialNumber();
            kinds[i] = event.kind();
            bodies[i] = event.body();
        }
        Integer[] endedNumbers = new Integer[ended.size()];
        String[] statuses = new String[ended.size()];
        List<Integer> cancelled = new ArrayList<>();
        for (int i = 0; i < ended.size(); i++) {
            Trial trial = ended.get(i);
            endedNumbers[i] = trial.number();
            statuses[i] = trial.status().name();
            if (trial.termination().orElse(null) == Termination.CANCELLED) {
                cancelled.add(trial.number()); // back to the others, from its checkpoint, unless the experiment stopped
            }
        }
        try (PreparedStatement append = connection.prepareStatement(
                "SELECT tune_append(?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            append.setLong(1, experiment);
            append.setString(2, worker);
            append.setArray(3, connection.createArrayOf("integer", numbers));
            append.setArray(4, connection.createArrayOf("text", kinds));
            append.setArray(5, connection.createArrayOf("text", bodies));
            append.setArray(6, connection.createArrayOf("integer", endedNumbers));
            append.setArray(7, connection.createArrayOf("text", statuses));
            append.setArray(8, connection.createArrayOf("integer", cancelled.toArray()));
            append.setString(9, state == null ? null : StoreEvents.state(state));
            try (ResultSet row = append.executeQuery()) {
                row.next();
                Integer[] dropped = (Integer[]) row.getArray(1).getArray();
                if (dropped.length > 0) {
                    LOG.warn("Trials {} were taken over by another worker while this one ({}) was out of touch;"
                            + " dropping their late results", Arrays.toString(dropped), worker);
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            flush();
        } finally {
            session.close();
        }
    }
}
