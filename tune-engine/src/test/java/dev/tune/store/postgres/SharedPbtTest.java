package dev.tune.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tune.result.Result;
import dev.tune.store.StoreEvents;
import dev.tune.store.TrialEvents;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PBT across worker JVMs. Asynchronous: two workers with two slots each run a population of four,
 * so exploits copy checkpoints the other worker wrote. Synchronous: two workers with one slot each
 * run a population of four in turns, and no trial passes a boundary before every trial of the
 * population reached it. The tests read the log and check that each copy carried the donor's
 * state: the trial's next step goes on from the donor's score at the copied iteration, at the
 * trial's new speed.
 */
class SharedPbtTest extends WithPostgres {

    @Test
    void anExploitCopiesACheckpointTheOtherWorkerWrote() throws Exception {
        String url = server.createDatabase("pbt_two");
        String[] settings = {"tune.samples=4", "tune.maxConcurrentTrials=2", "shared.sleepMillis=40",
            "tune.stop.maxIterations=40", "shared.peers=4",
            "tune.scheduler=pbt(timeAttr=training_iteration,perturbationInterval=4,quantileFraction=0.5,mutations=speed)",
            "shared.barrier=" + dir.resolve("barrier")}; // both trials start together, whenever each JVM is up
        String logs = twoMachines(url, "pbt", settings);
        try (Connection c = server.connect("pbt_two")) {
            assertEquals(2, SharedExperimentTest.count(c, "SELECT max(n) FROM (SELECT count(*) AS n FROM tune_trial"
                    + " GROUP BY worker) w"), "each worker ran two members of the population");
            PbtLog log = PbtLog.read(c, dir);
            int across = log.assertEachExploitCarriedItsDonor(logs);
            assertTrue(across > 0, "of " + log.steps.size() + " exploits, at least one copied the other worker's checkpoint\n" + logs);
            assertTrue(SharedExperimentTest.count(c, "SELECT count(*) FROM tune_checkpoint") > 0, "checkpoints in the database");
        }
    }

    @Test
    void aSynchronousPopulationWaitsAtEachBoundaryForEveryWorkersTrials() throws Exception {
        String url = server.createDatabase("pbt_synch");
        String[] settings = {"tune.samples=4", "tune.maxConcurrentTrials=1", "shared.sleepMillis=80",
            "tune.stop.maxIterations=8", "tune.scheduler=pbt(synch=true,timeAttr=training_iteration,"
                + "perturbationInterval=2,quantileFraction=0.5,mutations=speed)"};
        // one slot per worker for a population of four: trials take turns, and every boundary waits for all;
        // 80 ms an iteration (2.6 s of work in all), so a second worker JVM that starts late on a busy machine
        // still finds trials to take
        String logs = twoMachines(url, "synch", settings);
        try (Connection c = server.connect("pbt_synch")) {
            assertEquals(2, SharedExperimentTest.count(c, "SELECT count(DISTINCT worker) FROM tune_trial"));
            PbtLog log = PbtLog.read(c, dir);
            // a trial goes past a boundary only once every live trial of the population has reached it
            for (int k = 0; k < log.order.size(); k++) {
                Result result = log.order.get(k);
                long boundary = 2 * ((result.iteration() - 1) / 2);
                for (String other : log.results.keySet()) {
                    long reached = log.reachedBefore(other, k);
                    assertTrue(reached >= boundary || log.endedBefore(other, k), "trial " + result.trialId()
                            + " reported iteration " + result.iteration() + " while " + other + " had reached "
                            + reached + "\n" + logs);
                }
            }
            assertTrue(log.steps.size() >= 2, "each round exploits the lower half: " + log.steps + "\n" + logs);
            log.assertEachExploitCarriedItsDonor(logs);
        }
    }

    /**
     * Runs experiment {@code name} of the population on two worker JVMs, each keeping its files under
     * its own storage path, as on two machines: a checkpoint the other worker wrote reaches a worker
     * through the database (small checkpoints are kept there). Returns both workers' logs.
     */
    private String twoMachines(String url, String name, String... settings) throws Exception {
        List<WorkerProcess> workers = new ArrayList<>();
        for (String machine : List.of("a", "b")) {
            workers.add(WorkerProcess.start(url, java.nio.file.Files.createDirectories(dir.resolve("machine-" + machine)),
                    "Population", name, name + "-" + machine, settings));
        }
        StringBuilder logs = new StringBuilder();
        for (WorkerProcess worker : workers) {
            String log = worker.await(120);
            logs.append(log);
            assertEquals(0, worker.process.exitValue(), log);
            assertTrue(log.contains("TOTAL 4"), log);
        }
        return logs.toString();
    }

    /** The shared log of a PBT run: results in log order, exploits, and which worker ran each trial. */
    private static final class PbtLog {
        final Map<String, String> workerOf = new HashMap<>();
        final Map<String, List<Result>> results = new HashMap<>();
        final List<Result> order = new ArrayList<>();
        final Map<String, Integer> endedAt = new HashMap<>();
        final List<JsonNode> steps = new ArrayList<>();

        static PbtLog read(Connection c, java.nio.file.Path dir) throws Exception {
            PbtLog log = new PbtLog();
            try (ResultSet rows = c.createStatement().executeQuery("SELECT trial_id, worker FROM tune_trial")) {
                while (rows.next()) {
                    log.workerOf.put(rows.getString(1), rows.getString(2));
                }
            }
            TrialEvents trials = new TrialEvents(dir);
            ObjectMapper json = new ObjectMapper();
            try (ResultSet rows = c.createStatement().executeQuery(
                    "SELECT trial_number, kind, body FROM tune_event ORDER BY seq")) {
                while (rows.next()) {
                    String kind = rows.getString(2);
                    trials.apply(rows.getInt(1), kind, rows.getString(3));
                    if (StoreEvents.RESULT.equals(kind)) {
                        Result result = trials.lastResult(rows.getInt(1));
                        log.results.computeIfAbsent(result.trialId(), id -> new ArrayList<>()).add(result);
                        log.order.add(result);
                    } else if (StoreEvents.PERTURBED.equals(kind)) {
                        log.steps.add(json.readTree(rows.getString(3)));
                    } else if (StoreEvents.ENDED.equals(kind)) {
                        log.endedAt.put(trials.trial(rows.getInt(1)).id(), log.order.size());
                    }
                }
            }
            return log;
        }

        /** The highest iteration {@code trial} reported among the first {@code k} results of the log. */
        long reachedBefore(String trial, int k) {
            return order.subList(0, k).stream().filter(r -> r.trialId().equals(trial)).mapToLong(Result::iteration)
                    .max().orElse(0);
        }

        boolean endedBefore(String trial, int k) {
            return endedAt.getOrDefault(trial, Integer.MAX_VALUE) <= k;
        }

        /**
         * Checks that each exploited trial's next step went on from the donor's score at the copied
         * iteration, at the trial's new speed; returns how many exploits copied another worker's checkpoint.
         */
        int assertEachExploitCarriedItsDonor(CharSequence logs) {
            assertFalse(steps.isEmpty(), "PBT exploited at least once: " + results + "\n" + logs);
            int across = 0;
            for (JsonNode step : steps) {
                String trial = step.get("id").asText();
                String donor = step.get("donor").asText();
                long at = step.get("iteration").asLong();
                double speed = step.get("config").get("speed").asDouble();
                across += workerOf.get(trial).equals(workerOf.get(donor)) ? 0 : 1;
                // the donor's state at that iteration: its own, or what it had itself copied from another trial
                List<String> lineage = new ArrayList<>(List.of(donor));
                steps.stream().filter(s -> s.get("id").asText().equals(donor) && s.get("iteration").asLong() == at)
                        .forEach(s -> lineage.add(s.get("donor").asText()));
                boolean carried = lineage.stream().flatMap(d -> results.get(d).stream()).filter(d -> d.iteration() == at)
                        .anyMatch(d -> results.get(trial).stream().anyMatch(t -> t.iteration() == at + 1
                                && t.metrics().get("steps") == at + 1
                                && Math.abs(t.metrics().get("score") - (d.metrics().get("score") + speed)) < 1e-9));
                assertTrue(carried, "trial " + trial + " went on from " + donor + "'s checkpoint at iteration " + at
                        + " with speed " + speed + ": " + results.get(trial));
            }
            return across;
        }
    }
}
