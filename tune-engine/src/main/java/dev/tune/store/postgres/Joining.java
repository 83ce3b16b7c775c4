package dev.tune.store.postgres;

import dev.tune.store.ExperimentInfo;
import dev.tune.store.StorageException;
import dev.tune.store.StoreEvents;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a worker joins a shared experiment: brings the schema up to date ({@link Migrations}),
 * inserts the experiment unless its name exists, refuses a worker whose trainable, space,
 * objective, searcher or samples differ ({@link Fingerprint}), and records the worker.
 */
final class Joining {

    private static final Logger LOG = LoggerFactory.getLogger(Joining.class);

    private Joining() {
    }

    static PostgresExperiment join(PostgresLocation location, ExperimentInfo mine, Path experimentDir,
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
            experiment.startHeartbeats();
            return experiment;
        } catch (SQLException e) {
            closeQuietly(c);
            throw database.failure("cannot join experiment " + mine.name() + " in", e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing more to do with it
        }
    }
}
