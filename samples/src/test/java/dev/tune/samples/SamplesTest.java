package dev.tune.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.result.ExperimentResult;
import dev.tune.result.Trial;
import dev.tune.result.Termination;
import dev.tune.result.TrialStatus;
import dev.tune.options.TuneOptions;
import dev.tune.run.Tuner;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each sample runs as a user would run it, and finds what its tutorial says it finds. */
class SamplesTest {

    private static ExperimentResult run(String sample) {
        return Tuner.run(Samples.SAMPLES.get(sample).get(), TuneOptions.builder().inMemory().verbose(0).build());
    }

    @Test
    void quickstartRunsTheGridAndFindsTheSmallestScore() {
        ExperimentResult result = run("quickstart");
        assertEquals(4, result.trials().size());
        assertEquals(Set.of(0.001, 0.01, 0.1, 1.0),
                result.trials().stream().map(t -> t.config().get("a")).collect(Collectors.toSet()));
        Trial best = result.bestTrial().orElseThrow();
        Trial expected = result.trials().stream().min(Comparator.comparingDouble(SamplesTest::quickstartScore))
                .orElseThrow();
        assertEquals(expected.id(), best.id());
        assertEquals(quickstartScore(best), best.lastResult().orElseThrow().metric("score"), 1e-12);
    }

    private static double quickstartScore(Trial t) {
        double a = t.config().getDouble("a");
        return a * a + t.config().getInt("b");
    }

    @Test
    void functionApiReportsTwentyStepsPerTrial() {
        ExperimentResult result = run("function-api");
        assertEquals(8, result.trials().size());
        result.trials().forEach(t -> assertEquals(20, t.iterations()));
        Trial best = result.bestTrial().orElseThrow();
        double a = best.config().getDouble("a");
        assertEquals(a * Math.sqrt(19) + best.config().getInt("b"), best.lastResult().orElseThrow().metric("score"),
                1e-12);
    }

    @Test
    void classApiReusesOneInstanceForAllTrials() {
        TuneSample_03_ClassApi.SETUPS.set(0);
        ExperimentResult result = run("class-api");
        assertEquals(10, result.trials().size());
        assertEquals(1, TuneSample_03_ClassApi.SETUPS.get(), "set-up ran once: the instance was reused");
        result.trials().forEach(t -> assertEquals(5, t.iterations(), "done after five steps"));
        Trial best = result.bestTrial().orElseThrow();
        double h1 = best.config().getDouble("h1");
        double h2 = best.config().getDouble("h2");
        assertEquals((h1 - 3) * (h1 - 3) + (h2 - 5) * (h2 - 5), best.lastResult().orElseThrow().metric("loss"), 1e-12);
    }

    @Test
    void existingModelLearnsUnderTuning() {
        ExperimentResult result = run("logistic-regression");
        assertEquals(12, result.trials().size());
        assertTrue(result.trials().stream().allMatch(t -> t.status() == TrialStatus.TERMINATED && t.iterations() == 15));
        double best = result.bestTrial().orElseThrow().lastResult().orElseThrow().metric("validationAccuracy");
        double worst = result.trials().stream().mapToDouble(t -> t.lastResult().orElseThrow()
                .metric("validationAccuracy")).min().orElseThrow();
        assertTrue(best > 0.8, "the best configuration learns the data: " + best);
        assertTrue(best > worst, "tuning matters: best " + best + " vs worst " + worst);
    }

    @Test
    void ashaStopsMostTrialsEarlyAndTheBestRunsTheFullBudget() {
        ExperimentResult result = run("early-stopping");
        assertEquals(40, result.trials().size());
        long early = result.trials().stream().filter(Trial::stoppedEarly).count();
        assertTrue(early >= 20, early + " of 40 stopped early");
        assertEquals(81, result.bestTrial().orElseThrow().iterations());
        assertTrue(result.errors().isEmpty());
    }

    @Test
    void aFailedTrialRestartsFromItsCheckpointWithTheSameState() {
        TuneSample_06_Checkpoints.FAILURES.set(1);
        ExperimentResult result = run("checkpoints");
        assertTrue(result.errors().isEmpty(), "the failure was recovered by the sample's own @FailureConfig");
        for (Trial trial : result.trials()) {
            assertTrue(trial.checkpoints().stream().anyMatch(c -> c.iteration() == 10),
                    "checkpoints every 5 iterations, as the sample declares: " + trial.checkpoints());
        }
        for (Trial trial : result.trials()) {
            assertEquals(20, trial.iterations());
            assertEquals(20.0, trial.lastResult().orElseThrow().metric("steps"), "the state continued from iteration 10");
            double lr = trial.config().getDouble("lr");
            double weight = 1 + 4 * Math.pow(1 - 2 * lr, 20);
            assertEquals((weight - 1) * (weight - 1), trial.lastResult().orElseThrow().metric("loss"), 1e-9);
        }
    }

    @Test
    void hyperBandPausesTrialsAndTheirStateContinues() {
        ExperimentResult result = run("hyperband");
        assertEquals(27, result.trials().size());
        assertTrue(result.errors().isEmpty());
        result.trials().forEach(t -> assertEquals((double) t.iterations(), t.lastResult().orElseThrow().metric("epochs"),
                t.name() + " resumed where it paused"));
        assertEquals(27, result.bestTrial().orElseThrow().iterations());
        assertTrue(result.trials().stream().filter(Trial::stoppedEarly).count() >= 18);
    }

    @Test
    void medianStoppingCutsWeakTrialsAfterTheGracePeriod() {
        ExperimentResult result = run("median-stopping");
        assertEquals(20, result.trials().size());
        long early = result.trials().stream().filter(Trial::stoppedEarly).count();
        assertTrue(early >= 5, early + " stopped early");
        result.trials().stream().filter(Trial::stoppedEarly).forEach(t -> assertTrue(t.iterations() >= 5,
                t.name() + " stopped after the grace period"));
        double bestQuality = result.trials().stream().mapToDouble(t -> t.config().getDouble("quality")).max().orElseThrow();
        assertEquals(bestQuality, result.bestTrial().orElseThrow().config().getDouble("quality"));
    }

    @Test
    void pbtFindsAFallingScheduleThatBeatsEveryFixedRate(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        ExperimentResult pbt = Tuner.run(Samples.SAMPLES.get("pbt").get(),
                TuneOptions.builder().storagePath(dir).verbose(0).build());
        ExperimentResult fixed = Tuner.run(Samples.SAMPLES.get("pbt").get(),
                TuneOptions.builder().storagePath(dir).name("fixed").scheduler("fifo").verbose(0).build());
        double bestFixedRate = 0;
        for (int i = 0; i <= 400; i++) {
            double skill = 0;
            for (int step = 0; step < TuneSample_09_PopulationBasedTraining.STEPS; step++) {
                skill = TuneSample_09_PopulationBasedTraining.next(skill, Math.pow(10, -4 + i / 100.0));
            }
            bestFixedRate = Math.max(bestFixedRate, skill);
        }
        assertEquals(12, pbt.trials().size());
        pbt.trials().forEach(t -> assertEquals(80, t.iterations(), t.name() + " had its turns"));
        double fixedBest = fixed.bestTrial().orElseThrow().lastResult().orElseThrow().metric("skill");
        Trial best = pbt.bestTrial().orElseThrow();
        double pbtBest = best.lastResult().orElseThrow().metric("skill");
        assertTrue(fixedBest <= bestFixedRate + 1e-9, fixedBest + " > " + bestFixedRate);
        assertTrue(pbtBest > bestFixedRate + 5, "PBT " + pbtBest + " vs the best fixed rate " + bestFixedRate);
        java.util.List<String> policy = java.nio.file.Files.readAllLines(
                pbt.dir().orElseThrow().resolve("pbt_policy_" + best.id() + ".txt"));
        assertTrue(policy.size() >= 3, "the best trial's schedule has several steps: " + policy);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        double firstRate = json.readTree(policy.get(0)).get(5).get("lr").asDouble();
        double lastRate = json.readTree(policy.get(policy.size() - 1)).get(5).get("lr").asDouble();
        assertTrue(lastRate < firstRate, "the schedule falls: " + firstRate + " -> " + lastRate);
        assertTrue(lastRate < TuneSample_09_PopulationBasedTraining.idealRate(0) / 10,
                "it ends at least ten times below the rate that is best at the start: " + lastRate);
        assertEquals(lastRate, best.config().getDouble("lr"));
    }

    @Test
    void tpeEndsCloserToTheMinimumThanRandomSearchOnTheSameBudget() {
        ExperimentResult tpe = run("model-based-tpe");
        ExperimentResult random = run("model-based-random");
        assertEquals(60, tpe.trials().size());
        assertEquals(60, random.trials().size());
        double optimum = 0.397887357729738;
        double tpeRegret = tpe.bestTrial().orElseThrow().lastResult().orElseThrow().metric("value") - optimum;
        double randomRegret = random.bestTrial().orElseThrow().lastResult().orElseThrow().metric("value") - optimum;
        assertTrue(tpeRegret < randomRegret / 2, "tpe " + tpeRegret + " vs random " + randomRegret);
    }

    @Test
    void gaussianProcessSearchEndsCloserStillOnTwoSmoothDimensions() {
        ExperimentResult gp = run("model-based-gp");
        ExperimentResult tpe = run("model-based-tpe");
        assertEquals(60, gp.trials().size());
        double optimum = 0.397887357729738;
        double gpRegret = gp.bestTrial().orElseThrow().lastResult().orElseThrow().metric("value") - optimum;
        double tpeRegret = tpe.bestTrial().orElseThrow().lastResult().orElseThrow().metric("value") - optimum;
        assertTrue(gpRegret < tpeRegret / 10, "gp " + gpRegret + " vs tpe " + tpeRegret);
    }

    @Test
    void severalObjectivesGiveAParetoFrontOfErrorAgainstLatency() {
        ExperimentResult result = run("multi-objective");
        assertEquals(40, result.trials().size());
        var front = result.paretoFront();
        assertTrue(front.size() >= 2 && front.size() < 40, "a trade-off, not one best trial: " + front.size());
        assertTrue(result.feasible().size() < result.trials().size(), "some trials broke the latency budget");
        for (Trial a : front) {
            assertTrue(a.lastResult().orElseThrow().metric("latency_ms") <= TuneSample_11_MultiObjective.LATENCY_BUDGET_MS,
                    a.name() + " is on the front but over the latency budget");
            for (Trial b : result.feasible()) {
                boolean dominates = b.lastResult().orElseThrow().metric("error") < a.lastResult().orElseThrow().metric("error")
                        && b.lastResult().orElseThrow().metric("latency_ms") < a.lastResult().orElseThrow().metric("latency_ms");
                assertTrue(!dominates, b.name() + " beats " + a.name() + " on both objectives");
            }
        }
    }

    @Test
    void nsgaIIBreedsBetterAndFeasibleTrialsGenerationAfterGeneration() {
        ExperimentResult result = run("multi-objective-nsga2");
        assertEquals(200, result.trials().size());
        List<Trial> byNumber = result.trials().stream().sorted(Comparator.comparingInt(Trial::number)).toList();
        // the first generation is random; later ones are bred from the feasible front (constrained domination)
        long firstFeasible = byNumber.subList(0, 50).stream().filter(result.feasible()::contains).count();
        long lastFeasible = byNumber.subList(150, 200).stream().filter(result.feasible()::contains).count();
        assertTrue(lastFeasible > firstFeasible, "feasible: " + firstFeasible + " of the first 50, " + lastFeasible
                + " of the last 50");
        assertTrue(medianError(byNumber.subList(150, 200)) < medianError(byNumber.subList(0, 50)) / 2,
                "the fourth generation's median error is under half the first's");
        assertTrue(result.paretoFront().size() >= 2, "a front of several trials: " + result.paretoFront().size());
        result.paretoFront().forEach(t -> assertTrue(result.feasible().contains(t), t.name() + " is feasible"));
    }

    @Test
    void trialsThatLoseTheirMachineRecoverAndDivergingOnesAreStopped() {
        TuneSample_12_FaultTolerance.PREEMPTED.clear();
        ExperimentResult result = run("fault-tolerance");
        assertEquals(30, result.trials().size(), "the experiment ran to its end");
        assertEquals(List.of(), result.errors(), "every lost machine was recovered from a checkpoint");
        assertTrue(TuneSample_12_FaultTolerance.PREEMPTED.size() >= 3,
                "some trials lost their machine: " + TuneSample_12_FaultTolerance.PREEMPTED.size());
        List<Trial> diverged = result.trials().stream()
                .filter(t -> t.lastResult().orElseThrow().metric("loss") >= 100).toList();
        assertTrue(!diverged.isEmpty(), "some learning rates diverge");
        diverged.forEach(t -> assertEquals(Optional.of(Termination.STOPPED), t.termination(), t.name()));
        assertTrue(result.trials().stream().anyMatch(t -> t.termination().equals(Optional.of(Termination.EARLY_STOPPED))),
                "ASHA cut some");
        for (Trial trial : result.trials()) {
            assertEquals(undisturbedLoss(trial), trial.lastResult().orElseThrow().metric("loss"), 1e-9,
                    trial.name() + " ends where an undisturbed run would");
        }
        assertTrue(result.bestTrial().orElseThrow().lastResult().orElseThrow().metric("loss") < 1e-6,
                "the best trial converged");
    }

    /** The loss after the trial's iterations, computed without any failure. */
    private static double undisturbedLoss(Trial trial) {
        double lr = trial.config().getDouble("lr");
        double momentum = trial.config().getDouble("momentum");
        double weight = 5;
        double velocity = 0;
        for (long epoch = 0; epoch < trial.iterations(); epoch++) {
            velocity = momentum * velocity - lr * 2 * (weight - 1);
            weight += velocity;
        }
        return (weight - 1) * (weight - 1);
    }

    private static double medianError(List<Trial> trials) {
        double[] errors = trials.stream().mapToDouble(t -> t.lastResult().orElseThrow().metric("error")).sorted().toArray();
        return errors[errors.length / 2];
    }
}
