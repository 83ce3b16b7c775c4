package dev.tune.store.postgres;

import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.store.ExperimentInfo;
import dev.tune.store.ExperimentStore;
import dev.tune.store.SharedRun;
import dev.tune.store.StorageException;
import dev.tune.store.StoreEvents;
import dev.tune.store.TrialEvents;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    private final Connection claims;
    private final TrialEvents seen;
    private final Set<Integer> own = new HashSet<>();
    private final Heartbeats heartbeats;
    private long cursor;

    private PostgresExperiment(Database database, long id, ExperimentInfo info, Instant createdAt, String worker,
            Path experimentDir, Connection claims, Heartbeats.Settings settings) {
        this.database = database;
        this.id = id;
        this.info = info;
        this.createdAt = createdAt;
        this.worker = worker;
        this.experimentDir = experimentDir;
        this.claims = claims;
        this.seen = new TrialEvents(experimentDir);
        this.heartbeats = new Heartbeats(database, id, worker, settings);
    }

    /**
     * Joins the experiment {@code mine.name()} in {@code location}, creating the schema and the
     * experiment when this is the first worker.
     *
     * @param experimentDir where trial directories and checkpoints of this worker live
     * @throws StorageException when the database cannot be used, or holds an experiment of that
     *     name whose trainable, space, objective or searcher differ from {@code mine}
     */
    public static PostgresExperiment join(PostgresLocation location, ExperimentInfo mine, Path experimentDir,
            Heartbeats.Settings settings) {
        Database database = new Database(location, Duration.ofSeconds(5));
        Connection c = database.connect();
        try {
            List<Integer> migrated = Migrations.apply(c);
            if (!migrated.isEmpty()) {
                LOG.info("Created tune's tables (schema version {}) in {}", migrated.get(migrated.size() - 1),
                        location.display());
            }
            c.setAutoCommit(false);
            long id;
            ExperimentInfo stored;
            Instant created;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO tune_experiment (name, fingerprint, info)"
                    + " VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
                insert.setString(1, mine.name());
                insert.setString(2, Fingerprint.of(mine));
                insert.setString(3, StoreEvents.info(mine));
                insert.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, info, created_at FROM tune_experiment WHERE name = ?")) {
                select.setString(1, mine.name());
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    id = row.getLong(1);
                    stored = StoreEvents.readInfo(row.getString(2));
                    created = row.getTimestamp(3).toInstant();
                }
            }
            List<String> differences = Fingerprint.differences(stored, mine);
            if (!differences.isEmpty()) {
                c.rollback();
                throw new StorageException("Experiment '" + mine.name() + "' in " + location.display()
                        + " was started with another trainable, space, objective or searcher, so this worker"
                        + " cannot join it: " + String.join("; ", differences) + ". Give this run another name"
                        + " (tune.name) or run the same code on every worker.");
            }
            String worker = Workers.newId();
            try (PreparedStatement join = c.prepareStatement(
                    "INSERT INTO tune_worker (experiment_id, worker, host) VALUES (?, ?, ?)")) {
                join.setLong(1, id);
                join.setString(2, worker);
                join.setString(3, Workers.host());
                join.executeUpdate();
            }
            c.commit();
            LOG.info("Worker {} joined experiment {} in {}", worker, mine.name(), location.display());
            PostgresExperiment experiment = new PostgresExperiment(database, id, stored, created, worker,
                    experimentDir, c, settings);
            experiment.heartbeats.start();
            return experiment;
        } catch (SQLException e) {
            closeQuietly(c);
            throw database.failure("cannot join experiment " + mine.name() + " in", e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    @Override
    public ExperimentInfo info() {
        return info;
    }

    @Override
    public Instant createdAt() {
        return createdAt;
    }

    /** This worker's name in the database: host, process and a random part. */
    public String worker() {
        return worker;
    }

    @Override
    public Path trialsRoot() {
        return experimentDir;
    }

    @Override
    public ExperimentStore store(boolean resultsDecided) {
        return new PostgresStore(database, id, experimentDir, worker, resultsDecided);
    }

    @Override
    public synchronized <T> T decide(Replica replica, int number, Result result, Supplier<T> decision) {
        try {
            long last = EventLog.lock(claims, id);
            EventLog.read(claims, id, cursor, (seq, n, kind, body) -> replay(replica, n, kind, body));
            String body = StoreEvents.result(result);
            cursor = EventLog.append(claims, id, last, List.of(new EventLog.Event(number, StoreEvents.RESULT, body)));
            seen.apply(number, StoreEvents.RESULT, body);
            T decided = decision.get();
            claims.commit();
            return decided;
        } catch (SQLException e) {
            rollbackQuietly();
            throw database.failure("cannot record a result of " + info.name() + " in", e);
        }
    }

    @Override
    public synchronized Claim claim(Replica replica, Suggester suggester) {
        try {
            long last = EventLog.lock(claims, id);
            cursor = EventLog.read(claims, id, cursor, (seq, number, kind, body) -> replay(replica, number, kind, body));
            if (cursor != last) {
                throw new SQLException("the event log ends at " + cursor + " but the experiment says " + last);
            }
            Optional<Trial> lost = takeOver();
            if (lost.isPresent()) {
                claims.commit();
                return new Claim.TakenOver(lost.get());
            }
            int number = nextNumber();
            Claim claim = suggester.suggest(number);
            if (claim instanceof Claim.Added added) {
                record(added.trial(), last);
                replica.added(seen.trial(added.trial().number()), true);
            }
            claims.commit();
            return claim;
        } catch (SQLException e) {
            rollbackQuietly();
            throw database.failure("cannot claim a trial of " + info.name() + " in", e);
        }
    }

    private void replay(Replica replica, int number, String kind, String body) {
        seen.apply(number, kind, body);
        switch (kind) {
            case StoreEvents.ADDED -> {
                replica.added(seen.trial(number), own.contains(number));
            }
            case StoreEvents.RESULT -> replica.result(seen.trial(number), seen.lastResult(number));
            case StoreEvents.ENDED -> {
                replica.ended(seen.trial(number));
                seen.forget(number);
            }
            default -> {
                // checkpoints and PBT steps are for the scheduler's replica, which comes with shared schedulers
            }
        }
    }

    private Optional<Trial> takeOver() throws SQLException {
        try (PreparedStatement s = claims.prepareStatement("UPDATE tune_trial SET status = 'RUNNING', worker = ?,"
                + " heartbeat = now() WHERE (experiment_id, number) = (SELECT experiment_id, number FROM tune_trial"
                + " WHERE experiment_id = ? AND status = 'PENDING' ORDER BY number LIMIT 1 FOR UPDATE SKIP LOCKED)"
                + " RETURNING number")) {
            s.setString(1, worker);
            s.setLong(2, id);
            try (ResultSet row = s.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                int number = row.getInt(1);
                own.add(number);
                return Optional.of(seen.trial(number));
            }
        }
    }

    private int nextNumber() throws SQLException {
        try (PreparedStatement s = claims.prepareStatement("SELECT next_number FROM tune_experiment WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private void record(Trial trial, long last) throws SQLException {
        String body = StoreEvents.added(trial, StoreEvents.dirName(experimentDir, trial));
        try (PreparedStatement insert = claims.prepareStatement("INSERT INTO tune_trial (experiment_id, number,"
                + " trial_id, config, status, worker, heartbeat) VALUES (?, ?, ?, ?, 'RUNNING', ?, now())")) {
            insert.setLong(1, id);
            insert.setInt(2, trial.number());
            insert.setString(3, trial.id());
            insert.setString(4, body);
            insert.setString(5, worker);
            insert.executeUpdate();
        }
        try (PreparedStatement next = claims.prepareStatement(
                "UPDATE tune_experiment SET next_number = ? WHERE id = ?")) {
            next.setInt(1, trial.number() + 1);
            next.setLong(2, id);
            next.executeUpdate();
        }
        cursor = EventLog.append(claims, id, last, List.of(new EventLog.Event(trial.number(), StoreEvents.ADDED, body)));
        own.add(trial.number());
        seen.apply(trial.number(), StoreEvents.ADDED, body);
    }

    @Override
    public int openTrials() {
        return (int) query("SELECT count(*) FROM tune_trial WHERE experiment_id = ? AND status IN ('PENDING', 'RUNNING')");
    }

    @Override
    public synchronized Optional<String> stopReason() {
        try (PreparedStatement s = claims.prepareStatement("SELECT stop_reason FROM tune_experiment WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet row = s.executeQuery()) {
                Optional<String> reason = row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
                claims.commit();
                return reason;
            }
        } catch (SQLException e) {
            rollbackQuietly();
            throw database.failure("cannot read the state of " + info.name() + " in", e);
        }
    }

    @Override
    public synchronized void stop(String reason) {
        try (PreparedStatement s = claims.prepareStatement(
                "UPDATE tune_experiment SET stop_reason = ? WHERE id = ? AND stop_reason IS NULL")) {
            s.setString(1, reason);
            s.setLong(2, id);
            s.executeUpdate();
            claims.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw database.failure("cannot stop " + info.name() + " in", e);
        }
    }

    @Override
    public List<Trial> trials() {
        return SharedTrials.load(database, id, experimentDir);
    }

    @Override
    public synchronized void close() {
        heartbeats.close();
        closeQuietly(claims);
    }

    private synchronized long query(String sql) {
        try (PreparedStatement s = claims.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                long value = row.getLong(1);
                claims.commit();
                return value;
            }
        } catch (SQLException e) {
            rollbackQuietly();
            throw database.failure("cannot read " + info.name() + " in", e);
        }
    }

    private void rollbackQuietly() {
        try {
            claims.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the transaction went with it
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing more to do with it
        }
    }

    /** Settings re-exported for callers that only see this class. */
    public static Heartbeats.Settings settings(Duration interval, Duration grace, int maxFailures) {
        return new Heartbeats.Settings(interval, grace, maxFailures);
    }
}
