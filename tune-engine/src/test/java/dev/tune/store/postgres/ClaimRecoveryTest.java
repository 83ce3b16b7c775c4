package dev.tune.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.tune.Config;
import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.store.ExperimentInfo;
import dev.tune.store.SharedRun;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away after the searcher answered a claim but before the answer reached the
 * log: the worker must not go on with a searcher that has seen a suggestion no other worker will.
 * It replays the log into fresh replicas and asks again.
 */
class ClaimRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void aClaimCutOffAfterTheSearcherAnsweredRebuildsTheReplicasAndAsksAgain() throws Exception {
        try (PostgresServer server = PostgresServer.start()) {
            PostgresExperiment shared = join(server, "recovery", Duration.ofSeconds(5));
            try (Connection killer = server.connect("recovery")) {
                AtomicInteger rebuilds = new AtomicInteger();
                AtomicInteger asked = new AtomicInteger();
                SharedRun.Replica replica = new SharedRun.Replica() {
                    @Override
                    public void added(Trial trial, boolean own) {
                    }

                    @Override
                    public void result(Supplier<Trial> trial, Result result) {
                    }

                    @Override
                    public void ended(Trial trial) {
                    }

                    @Override
                    public void rebuild() {
                        rebuilds.incrementAndGet();
                    }
                };
                SharedRun.Claim claim = shared.claim(replica, number -> {
                    if (asked.incrementAndGet() == 1) {
                        terminateClaims(killer); // the answer is given, the connection it would travel on is gone
                    }
                    return new SharedRun.Claim.Added(trial(number));
                });
                assertInstanceOf(SharedRun.Claim.Added.class, claim);
                assertEquals(2, asked.get(), "asked once more after the rebuild");
                assertEquals(1, rebuilds.get());
                assertEquals(1, SharedExperimentTest.count(killer, "SELECT count(*) FROM tune_event WHERE kind = 'added'"));
                assertEquals(1, SharedExperimentTest.count(killer, "SELECT count(*) FROM tune_trial WHERE number = 1"
                        + " AND status = 'RUNNING'"));
            } finally {
                shared.close();
            }
        }
    }

    @Test
    void theEndIsNearOnceTheLastTrialAndTheLiveWorkersAreKnown() throws Exception {
        try (PostgresServer server = PostgresServer.start()) {
            PostgresExperiment shared = join(server, "near_end", Duration.ofMillis(100));
            try {
                SharedRun.Suggester tenTrials = new SharedRun.Suggester() {
                    @Override
                    public SharedRun.Claim suggest(int number) {
                        return number <= 10 ? new SharedRun.Claim.Added(trial(number)) : new SharedRun.Claim.Finished();
                    }

                    @Override
                    public boolean positional() {
                        return true;
                    }
                };
                org.junit.jupiter.api.Assertions.assertFalse(shared.nearTheEnd(2), "neither the end nor the workers known");
                Thread.sleep(400); // a few heartbeats: one live worker
                assertInstanceOf(SharedRun.Claim.Added.class, shared.claim(SharedRun.Replica.NONE, tenTrials));
                org.junit.jupiter.api.Assertions.assertFalse(shared.nearTheEnd(2), "9 left, more than 1 worker holds ahead");
                for (int i = 2; i <= 8; i++) {
                    assertInstanceOf(SharedRun.Claim.Added.class, shared.claim(SharedRun.Replica.NONE, tenTrials));
                }
                org.junit.jupiter.api.Assertions.assertTrue(shared.nearTheEnd(2), "2 left: one worker would hold both");
                org.junit.jupiter.api.Assertions.assertFalse(shared.nearTheEnd(1), "but not one holding one");
            } finally {
                shared.close();
            }
        }
    }

    /** Joins a new experiment {@code name}, in a database of that name, as a worker beating every {@code heartbeat}. */
    private PostgresExperiment join(PostgresServer server, String name, Duration heartbeat) {
        String url = server.createDatabase(name);
        ExperimentInfo info = new ExperimentInfo(name, "Model", "ab12c", 1, 10, "random", "random search",
                List.of("loss"), List.of("min"), "loss (min)", Map.of("x", "uniform(0, 1)"), Map.of(), Instant.now());
        return PostgresExperiment.join(PostgresLocation.of(url, PostgresServer.USER, PostgresServer.PASSWORD, Map.of()),
                info, dir, new Heartbeats.Settings(heartbeat, Duration.ofSeconds(30), 0, Duration.ofSeconds(10)));
    }

    private static void terminateClaims(Connection killer) {
        try {
            killer.createStatement().execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE application_name = 'tune' AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Trial trial(int number) {
        String id = "ab12c_" + String.format("%05d", number);
        return new Trial(id, number, "#" + number, Config.of(Map.of("x", 0.5)), TrialStatus.RUNNING, Optional.empty(),
                0, Optional.empty(), Map.of(), Optional.empty(), Optional.of(dir.resolve(id)), List.of());
    }
}
