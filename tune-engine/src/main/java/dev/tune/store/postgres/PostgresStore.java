package dev.tune.store.postgres;

import dev.tune.result.Perturbation;
import dev.tune.result.Result;
import dev.tune.result.SavedCheckpoint;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.store.ExperimentInfo;
import dev.tune.store.ExperimentState;
import dev.tune.store.ExperimentStore;
import dev.tune.store.StoreEvents;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One worker's writes to a shared experiment: results, checkpoints, PBT steps and ends become
 * events in the experiment's log, and an end also closes the trial's row. Writes are buffered and
 * go out in one transaction per {@link #flush()}, which the {@code BackgroundStore} wrapping it
 * calls after each batch, so a burst of results costs one round trip. New trials are recorded by
 * the claim that creates them ({@link PostgresExperiment#claim}), not here. Used from one thread.
 */
final class PostgresStore implements ExperimentStore {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PostgresStore.class);

    private final Session session;
    private final long experiment;
    private final Path experimentDir;
    private final String worker;
    private final boolean resultsDecided;
    private final List<EventLog.Event> buffer = new ArrayList<>();
    private final List<Trial> ended = new ArrayList<>();
    private ExperimentState state;

    PostgresStore(Session session, long experiment, Path experimentDir, String worker, boolean resultsDecided) {
        this.resultsDecided = resultsDecided;
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

    @Override
    public void addCheckpoint(Trial trial, SavedCheckpoint checkpoint) {
        String dir = dev.tune.store.StoreEvents.relativeDir(experimentDir, checkpoint.dir());
        buffer.add(new EventLog.Event(trial.number(), StoreEvents.CHECKPOINT,
                StoreEvents.checkpoint(trial, checkpoint, dir)));
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

    @Override
    public void flush() {
        if (buffer.isEmpty() && ended.isEmpty() && state == null) {
            return;
        }
        session.transaction("cannot record results in", this::write);
        buffer.clear();
        ended.clear();
        state = null;
    }

    /** Writes what is buffered in one transaction; run again as a whole when the connection broke. */
    private Void write(Connection connection) throws SQLException {
        EventLog.Head head = EventLog.head(connection, experiment);
        long last = head.lastSeq();
        java.util.Set<Integer> held = held(connection);
        boolean released = head.stopReason() == null;
        List<EventLog.Event> events = new ArrayList<>();
        for (EventLog.Event event : buffer) {
            if (held.contains(event.trialNumber())
                    && !(released && cancelled(event.trialNumber()) && StoreEvents.ENDED.equals(event.kind()))) {
                events.add(event);
            }
        }
        EventLog.append(connection, experiment, last, events);
        try (PreparedStatement close = connection.prepareStatement("UPDATE tune_trial SET status = ?,"
                + " worker = CASE WHEN ? THEN NULL ELSE worker END, heartbeat = now()"
                + " WHERE experiment_id = ? AND number = ?")) {
            for (Trial trial : ended) {
                if (!held.contains(trial.number())) {
                    continue;
                }
                // a trial cancelled because this worker leaves goes back to the others, from its checkpoint
                boolean release = released && trial.termination().orElse(null) == Termination.CANCELLED;
                close.setString(1, release ? "PENDING" : trial.status().name());
                close.setBoolean(2, release);
                close.setLong(3, experiment);
                close.setInt(4, trial.number());
                close.addBatch();
            }
            close.executeBatch();
        }
        if (state != null) {
            try (PreparedStatement save = connection.prepareStatement(
                    "UPDATE tune_experiment SET state = ? WHERE id = ?")) {
                save.setString(1, StoreEvents.state(state));
                save.setLong(2, experiment);
                save.executeUpdate();
            }
        }
        return null;
    }

    private boolean cancelled(int number) {
        return ended.stream().anyMatch(t -> t.number() == number
                && t.termination().orElse(null) == Termination.CANCELLED);
    }

    /**
     * The trials among those buffered that this worker still runs. A trial another worker took
     * over (this worker's heartbeat stopped for longer than the grace period, and came back) is no
     * longer this worker's: its late results and end are dropped, so the trial's record is the
     * new worker's alone.
     */
    private java.util.Set<Integer> held(Connection connection) throws SQLException {
        java.util.Set<Integer> numbers = new java.util.TreeSet<>();
        buffer.forEach(e -> numbers.add(e.trialNumber()));
        java.util.Set<Integer> held = new java.util.HashSet<>();
        if (numbers.isEmpty()) {
            return held;
        }
        try (PreparedStatement s = connection.prepareStatement("SELECT number FROM tune_trial WHERE experiment_id = ?"
                + " AND worker = ? AND status = 'RUNNING' AND number = ANY (?)")) {
            s.setLong(1, experiment);
            s.setString(2, worker);
            s.setArray(3, connection.createArrayOf("integer", numbers.toArray()));
            try (java.sql.ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    held.add(rows.getInt(1));
                }
            }
        }
        numbers.removeAll(held);
        if (!numbers.isEmpty()) {
            LOG.warn("Trials {} were taken over by another worker while this one ({}) was out of touch; dropping"
                    + " their late results", numbers, worker);
        }
        return held;
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
