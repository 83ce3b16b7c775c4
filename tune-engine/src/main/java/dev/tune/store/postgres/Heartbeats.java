package dev.tune.store.postgres;

import dev.tune.store.StoreEvents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's pulse, as Optuna's heartbeat: every {@code interval} it marks its running trials
 * alive, and looks for trials of other workers whose heartbeat is older than {@code grace}. Such a
 * trial's worker is taken for dead (killed, out of memory, cut off): the trial goes back to
 * {@code PENDING}, for any worker to take over from its latest checkpoint, or, once it was lost
 * more than {@code maxFailures} times, ends in {@code ERROR}, as Ray's {@code FailureConfig}
 * counts failures ({@code maxFailures} -1: no limit).
 */
public final class Heartbeats implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeats.class);

    /**
     * How often to beat, when another worker's trial counts as lost, how often a trial may be lost,
     * and how long a worker retries a database that went away ({@code tune.storage.retryFor}).
     */
    public record Settings(Duration interval, Duration grace, int maxFailures, Duration retryFor) {
    }

    private final Database database;
    private volatile int liveWorkers;
    private final long experiment;
    private final String worker;
    private final Settings settings;
    private final ScheduledExecutorService timer;
    private Connection connection;
    private boolean failing;

    Heartbeats(Database database, long experiment, String worker, Settings settings) {
        this.database = database;
        this.experiment = experiment;
        this.worker = worker;
        this.settings = settings;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tune-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        long every = Math.max(50, settings.interval().toMillis());
        timer.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /** How many workers beat within the last three intervals, as of this worker's last beat; 0 before it. */
    int liveWorkers() {
        return liveWorkers;
    }

    private void beat() {
        try {
            if (connection == null) {
                connection = database.connect();
                connection.setAutoCommit(false);
            }
            // SKIP LOCKED: a row another statement is updating (an append ending the trial, which sets its
            // heartbeat too) is passed over, so the beat never waits for a trial row while holding others
            try (PreparedStatement alive = connection.prepareStatement("UPDATE tune_trial SET heartbeat = now()"
                    + " WHERE experiment_id = ? AND number IN (SELECT number FROM tune_trial WHERE experiment_id = ?"
                    + " AND worker = ? AND status = 'RUNNING' FOR UPDATE SKIP LOCKED)");
                    PreparedStatement me = connection.prepareStatement("UPDATE tune_worker SET heartbeat = now()"
                            + " WHERE experiment_id = ? AND worker = ?")) {
                alive.setLong(1, experiment);
                alive.setLong(2, experiment);
                alive.setString(3, worker);
                alive.executeUpdate();
                me.setLong(1, experiment);
                me.setString(2, worker);
                me.executeUpdate();
            }
            try (PreparedStatement live = connection.prepareStatement("SELECT count(*) FROM tune_worker"
                    + " WHERE experiment_id = ? AND heartbeat > now() - make_interval(secs => ?)")) {
                live.setLong(1, experiment);
                live.setDouble(2, 3 * settings.interval().toMillis() / 1000.0);
                try (ResultSet row = live.executeQuery()) {
                    row.next();
                    liveWorkers = row.getInt(1);
                }
            }
            connection.commit();
            reclaim();
            failing = false;
        } catch (SQLException | RuntimeException e) {
            if (!failing) {
                LOG.warn("Heartbeat of worker {} failed: {}; it tries again every {} ms", worker, e.getMessage(),
                        settings.interval().toMillis());
            }
            failing = true;
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException ignored) {
                // reconnect at the next beat
            }
            connection = null;
        }
    }

    /** Takes back the trials of workers whose heartbeat stopped. */
    private void reclaim() throws SQLException {
        if (!anyStale()) {
            return; // the usual case: no need for the experiment's lock, which every claim and append takes
        }
        long last = EventLog.lock(connection, experiment);
        List<EventLog.Event> ends = new ArrayList<>();
        // SKIP LOCKED: an append locks its trials' rows before the experiment's, which this holds now; a
        // trial whose row an append holds has a live worker, and waiting for it would deadlock
        try (PreparedStatement lost = connection.prepareStatement("UPDATE tune_trial SET status = 'PENDING',"
                + " lost = lost + 1, worker = NULL WHERE experiment_id = ? AND number IN (SELECT number"
                + " FROM tune_trial WHERE experiment_id = ? AND status = 'RUNNING'"
                + " AND heartbeat < now() - make_interval(secs => ?) FOR UPDATE SKIP LOCKED)"
                + " RETURNING number, trial_id, lost, worker")) {
            lost.setLong(1, experiment);
            lost.setLong(2, experiment);
            lost.setDouble(3, settings.grace().toMillis() / 1000.0);
            try (ResultSet rows = lost.executeQuery()) {
                while (rows.next()) {
                    int number = rows.getInt(1);
                    int times = rows.getInt(3);
                    String message = "trial " + rows.getString(2) + " lost its worker (no heartbeat for "
                            + settings.grace().toMillis() / 1000.0 + " s)";
                    if (settings.maxFailures() >= 0 && times > settings.maxFailures()) {
                        ends.add(new EventLog.Event(number, StoreEvents.ENDED, StoreEvents.lost(rows.getString(2),
                                iterations(number), message + ", " + times + " time(s), more than maxFailures="
                                        + settings.maxFailures())));
                        LOG.warn("{}; it ends in ERROR", message);
                    } else {
                        LOG.warn("{}; another worker takes it over from its latest checkpoint", message);
                    }
                }
            }
        }
        try (PreparedStatement error = connection.prepareStatement(
                "UPDATE tune_trial SET status = 'ERROR' WHERE experiment_id = ? AND number = ?")) {
            for (EventLog.Event end : ends) {
                error.setLong(1, experiment);
                error.setInt(2, end.trialNumber());
                error.addBatch();
            }
            error.executeBatch();
        }
        EventLog.append(connection, experiment, last, ends);
        connection.commit();
    }

    private boolean anyStale() throws SQLException {
        try (PreparedStatement stale = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM tune_trial"
                + " WHERE experiment_id = ? AND status = 'RUNNING'"
                + " AND heartbeat < now() - make_interval(secs => ?))")) {
            stale.setLong(1, experiment);
            stale.setDouble(2, settings.grace().toMillis() / 1000.0);
            try (ResultSet row = stale.executeQuery()) {
                row.next();
                boolean any = row.getBoolean(1);
                if (!any) {
                    connection.commit();
                }
                return any;
            }
        }
    }

    private long iterations(int number) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM tune_event"
                + " WHERE experiment_id = ? AND trial_number = ? AND kind = ?")) {
            count.setLong(1, experiment);
            count.setInt(2, number);
            count.setString(3, StoreEvents.RESULT);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (connection != null) {
            database.release(connection); // for this JVM's next experiment against the database
            connection = null; // closing twice must not hand it out twice
        }
    }
}
