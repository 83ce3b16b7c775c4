package dev.tune.store.postgres;

import dev.tune.result.Result;
import dev.tune.result.SavedCheckpoint;
import dev.tune.result.Trial;
import dev.tune.store.ExperimentInfo;
import dev.tune.store.ExperimentState;
import dev.tune.store.ExperimentStore;
import dev.tune.store.SharedRun;
import dev.tune.store.StorageException;
import dev.tune.store.StoreEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's view of one experiment in a PostgreSQL database: joins it (creating schema and
 * experiment when it is the first), claims trials under the experiment's row lock, replays the
 * event log to the worker's searcher, and keeps its trials' heartbeats ({@link Heartbeats}).
 * {@link #claim} is called under the caller's lock, one thread at a time, on its own connection.
 */
public final class PostgresExperiment implements SharedRun {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresExperiment.class);

    private final Database database;
    private final long id;
    private final ExperimentInfo info;
    private final Instant createdAt;
    private final String worker;
    private final Path experimentDir;
    private final Session claims;
    private final Duration retryFor;
    /** What this worker has read of the log: the experiment's trials, read as it runs. */
    private final LogReplay log;
    private final Set<Integer> own = new HashSet<>();
    private final Heartbeats heartbeats;
    /** Claims of searchers whose suggestions depend only on their position. */
    private final PositionalClaims positional;
    private boolean searcherDone;
    /** Claims and decisions at the head of the log, under the experiment's lock. */
    private final LockedClaims locked;
    /** Claims of trials whose suggestion is asked outside any lock. */
    private final FreeClaims freeClaims;
    /** ASHA's rungs, on their own connection (opened at the first decision). */
    private final RungRows rungs;
    /** How long a worker's heartbeat may be silent before its trials and taken numbers count as lost. */
    private final double graceSeconds;
    /** When the log was last read to its end (System.nanoTime). */
    private long lastRead = System.nanoTime() - Long.MAX_VALUE / 2;

    PostgresExperiment(Database database, long id, ExperimentInfo info, Instant createdAt, String worker,
            Path experimentDir, Connection connection, Heartbeats.Settings settings) {
        this.database = database;
        this.id = id;
        this.info = info;
        this.createdAt = createdAt;
        this.worker = worker;
        this.experimentDir = experimentDir;
        this.retryFor = settings.retryFor();
        this.claims = new Session(database, retryFor, connection);
        this.log = new LogReplay(experimentDir);
        this.positional = new PositionalClaims(this, new ClaimWindow(experimentDir));
        this.heartbeats = new Heartbeats(database, id, worker, settings);
        this.graceSeconds = settings.grace().toMillis() / 1000.0;
        this.freeClaims = new FreeClaims(this, graceSeconds);
        this.locked = new LockedClaims(this);
        this.rungs = new RungRows(database, retryFor, id, info.name());
    }

    /**
     * Joins the experiment {@code mine.name()} in {@code location}, creating the schema and the
     * experiment when this is the first worker ({@link Joining}).
     *
     * @param experimentDir where trial directories and checkpoints of this worker live
     * @throws StorageException when the database cannot be used, or holds an experiment of that
     *     name whose trainable, space, objective or searcher differ from {@code mine}
     */
    public static PostgresExperiment join(PostgresLocation location, ExperimentInfo mine, Path experimentDir,
            Heartbeats.Settings settings) {
        return Joining.join(location, mine, experimentDir, settings);
    }

    /** The connection claims and reads use; under this monitor. */
    Session session() {
        return claims;
    }

    long id() {
        return id;
    }

    String worker() {
        return worker;
    }

    /** Notes trial {@code number} as this worker's: the log's events of it are its own. */
    void own(int number) {
        own.add(number);
    }

    /** Trial {@code number} as this worker read it from the log. */
    Trial seenTrial(int number) {
        return log.seen().trial(number);
    }

    void startHeartbeats() {
        heartbeats.start();
    }

    @Override
    public ExperimentInfo info() {
        return info;
    }

    @Override
    public String where() {
        return database.location().display() + " as worker " + worker;
    }

    @Override
    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public Path trialsRoot() {
        return experimentDir;
    }

    @Override
    public ExperimentStore store(boolean resultsDecided, Gathering gathering) {
        return new PostgresStore(new Session(database, retryFor, true), id, experimentDir, worker, resultsDecided,
                gathering);
    }

    @Override
    public synchronized <T> T decide(Replica replica, int number, Result result, Supplier<T> decision) {
        return locked.decide(replica, number, result, decision);
    }

    @Override
    public synchronized boolean decideQuiet(Replica replica, BooleanSupplier decided) {
        return locked.decideQuiet(replica, decided);
    }

    @Override
    public Claim claim(Replica replica, Suggester suggester) {
        if (suggester.positional() || suggester.ordered()) {
            return claimUnderLock(replica, suggester);
        }
        Claim claim = freeClaims.claim(replica, suggester);
        if (claim instanceof Claim.TakenOver lost) { // from its latest checkpoint, wherever it was written
            lost.trial().latestCheckpoint().ifPresent(this::fetch);
        }
        return claim;
    }

    private synchronized Claim claimUnderLock(Replica replica, Suggester suggester) {
        if (searcherDone) {
            // nothing new will come from the searcher: look without the lock for a stop or a trial to take over
            EventLog.Head head = claims.transaction("cannot read " + info.name() + " in", c -> EventLog.peek(c, id));
            if (head.stopReason() != null) {
                return new Claim.Stopped(head.stopReason());
            }
            if (!head.pending()) {
                return new Claim.Finished();
            }
        }
        Claim claim = suggester.positional() ? positional.claim(suggester) : null;
        claim = claim != null ? claim : locked.claim(replica, suggester);
        searcherDone = claim instanceof Claim.Finished;
        if (claim instanceof Claim.TakenOver lost) { // from its latest checkpoint, wherever it was written
            lost.trial().latestCheckpoint().ifPresent(this::fetch);
        }
        return claim;
    }

    @Override
    public boolean nearTheEnd(int heldAheadPerWorker) {
        return positional.nearTheEnd(heartbeats.liveWorkers(), heldAheadPerWorker);
    }

    @Override
    public synchronized void catchUp(Replica replica) {
        if (positional.holdsLanded()) {
            return; // once the trials landed together are handed out: one read for all of them
        }
        claims.transaction("cannot read the log of " + info.name() + " in", c -> {
            read(c, replica);
            return null;
        });
    }

    @Override
    public synchronized void catchUp(Replica replica, long nanos) {
        if (System.nanoTime() - lastRead >= nanos) {
            catchUp(replica);
        }
    }

    /** Reads the events after this worker's cursor and applies them; the caller holds this monitor. */
    void read(Connection c, Replica replica) throws SQLException {
        long started = System.nanoTime();
        EventLog.read(c, id, log.cursor(), log.withResults(replica), (seq, number, kind, body) ->
                replay(replica, seq, number, kind, body));
        lastRead = started;
    }

    /**
     * Takes the experiment's next trial number ({@link TrialRows#takeNumber}) and applies the events
     * after this worker's cursor, in one round trip; the caller holds this monitor.
     */
    TrialRows.Taken takeAndRead(Connection c, Replica replica, int limit, double graceSeconds) throws SQLException {
        long started = System.nanoTime();
        TrialRows.Taken taken = TrialRows.takeAndRead(c, id, log.cursor(), log.withResults(replica), limit, worker,
                graceSeconds, (seq, number, kind, body) -> replay(replica, seq, number, kind, body));
        lastRead = started;
        return taken;
    }

    /** What this worker read of the log. */
    LogReplay log() {
        return log;
    }

    Path experimentDir() {
        return experimentDir;
    }

    /** This worker read trial {@code number}, or added it: the next number is after it. */
    void sawNumber(int number) {
        positional.saw(number);
    }

    /**
     * Forgets every claim and everything read, after the database went away while a claim asked the
     * searcher: trials that landed together and were not handed out are released, and the log is
     * read again from its start.
     */
    void forgetClaims(Connection c) throws SQLException {
        positional.forget(c);
        log.reset();
        searcherDone = false;
        own.clear();
    }

    void replay(Replica replica, long seq, int number, String kind, String body) {
        log.apply(replica, seq, number, kind, body, own.contains(number));
        positional.saw(number);
    }

    @Override
    public synchronized boolean fetch(SavedCheckpoint checkpoint) {
        return Files.isDirectory(checkpoint.dir()) || claims.transaction("cannot read checkpoint "
                + checkpoint.dir() + " of " + info.name() + " in",
                c -> CheckpointBytes.fetch(c, id, experimentDir, checkpoint));
    }

    /** Not under this monitor: on the rungs' own connection. */
    @Override
    public RungRead recordAtRungs(List<RungValue> values, long since) {
        return rungs.record(values, since);
    }

    @Override
    public synchronized int openTrials() {
        return (int) (long) claims.transaction("cannot read " + info.name() + " in",
                c -> TrialRows.open(c, id, worker, graceSeconds));
    }

    @Override
    public synchronized void stop(String reason) {
        claims.transaction("cannot stop " + info.name() + " in", c -> {
            TrialRows.stop(c, id, reason);
            return null;
        });
    }

    /**
     * Every worker's trials: those ended as this worker's replay of the log kept them, and the
     * rest as the log describes them now, after reading what it has not read yet. The log was read
     * as the run went, so the end of a run reads little.
     */
    @Override
    public synchronized List<Trial> trials() {
        return claims.transaction("cannot read the trials of " + info.name() + " in", c -> {
            read(c, Replica.NONE);
            return log.trials(c, id);
        });
    }

    @Override
    public synchronized void saveState(ExperimentState state) {
        claims.transaction("cannot save the state of " + info.name() + " in", c -> {
            // skipped while another worker holds the row: it is appending, and saves its own state after,
            // or it is saving the same final state; either way the last state saved sees every trial
            try (PreparedStatement save = c.prepareStatement("UPDATE tune_experiment SET state = ? WHERE id ="
                    + " (SELECT id FROM tune_experiment WHERE id = ? FOR NO KEY UPDATE SKIP LOCKED)")) {
                save.setString(1, StoreEvents.state(state));
                save.setLong(2, id);
                save.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public synchronized void close() {
        positional.giveBack();
        try {
            freeClaims.giveBack();
        } catch (StorageException e) {
            LOG.debug("Could not give back trial numbers; they stop counting after the grace period: {}",
                    e.getMessage());
        }
        heartbeats.close();
        rungs.close();
        claims.close();
    }
}
