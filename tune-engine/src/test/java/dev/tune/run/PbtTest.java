package dev.tune.run;

import dev.tune.options.TuneOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.run.examples.Forgetful;
import dev.tune.run.examples.Toy;
import dev.tune.store.StoredExperiment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PBT through the runner: exploits copy checkpoints, configs change, logs rebuild the schedule. */
class PbtTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ExperimentResult run(Path dir, String scheduler) {
        return Tuner.run(Toy.class, TuneOptions.builder().storagePath(dir).verbose(0).seed(5).maxConcurrentTrials(2)
                .maxIterations(12).scheduler(scheduler).build());
    }

    @Test
    void bottomTrialsTakeOverTopTrialsCheckpointsAndLogTheirSchedule(@TempDir Path dir) throws Exception {
        ExperimentResult result = run(dir, "pbt(timeAttr=training_iteration,perturbationInterval=3,mutations=lr)");
        assertEquals(4, result.trials().size());
        for (Trial trial : result.trials()) {
            assertEquals(TrialStatus.TERMINATED, trial.status(), trial.toString());
            assertEquals(12, trial.iterations(), trial.name() + " had its fair share of the two slots");
            assertEquals(12.0, trial.lastResult().orElseThrow().metric("steps"), trial.name()
                    + ": the state restored always matches the iteration count");
            assertEquals(trial.config().getDouble("lr"), trial.lastResult().orElseThrow().metric("lr"),
                    trial.name() + " ran its last steps with its current config");
        }
        Path experiment = result.dir().orElseThrow();
        List<String> global = Files.readAllLines(experiment.resolve("pbt_global.txt"));
        assertFalse(global.isEmpty(), "PBT exploited at least once");
        boolean copiedState = false;
        for (String line : global) {
            JsonNode step = JSON.readTree(line);
            assertEquals(6, step.size(), line);
            assertTrue(step.get(3).asLong() % 3 == 0, "the donor's checkpoint is from a perturbation step: " + line);
        }
        for (Trial trial : result.trials()) {
            Path policy = experiment.resolve("pbt_policy_" + trial.id() + ".txt");
            if (!Files.exists(policy)) {
                continue;
            }
            List<String> lines = Files.readAllLines(policy);
            JsonNode last = JSON.readTree(lines.get(lines.size() - 1));
            assertEquals(trial.config().getDouble("lr"), last.get(5).get("lr").asDouble(),
                    trial.name() + "'s policy ends with its current config");
            JsonNode params = JSON.readTree(trial.dir().orElseThrow().resolve("params.json").toFile());
            assertEquals(trial.config().getDouble("lr"), params.get("lr").asDouble(), "params.json follows the config");
            copiedState |= trial.lastResult().orElseThrow().metric("origin") != trial.lastResult().orElseThrow()
                    .metric("lr");
        }
        assertTrue(copiedState, "some trial carries on a state that another lineage began");
        List<Trial> reloaded = StoredExperiment.load(experiment).trials();
        for (int i = 0; i < 4; i++) {
            assertEquals(result.trials().get(i).config(), reloaded.get(i).config(), "the journal keeps the new config");
        }
    }

    @Test
    void anExploitingTrialsTrainingTimeGoesOnFromTheDonorsCheckpointAsRaysDoes(@TempDir Path dir) throws Exception {
        ExperimentResult result = run(dir, "pbt(timeAttr=training_iteration,perturbationInterval=3,mutations=lr)");
        Path experiment = result.dir().orElseThrow();
        List<String> global = Files.readAllLines(experiment.resolve("pbt_global.txt"));
        assertFalse(global.isEmpty(), "PBT exploited at least once");
        for (String line : global) {
            JsonNode step = JSON.readTree(line);
            long donorIteration = step.get(3).asLong();
            List<JsonNode> target = results(result, step.get(0).asText());
            List<JsonNode> donor = results(result, step.get(1).asText());
            boolean wentOn = target.stream().anyMatch(after -> after.get("training_iteration").asLong()
                    == donorIteration + 1 && after.get("iterations_since_restore").asLong() == 1
                    && donor.stream().anyMatch(at -> at.get("training_iteration").asLong() == donorIteration
                            && Math.abs(at.get("time_total_s").asDouble() + after.get("time_this_iter_s").asDouble()
                                    - after.get("time_total_s").asDouble()) < 1e-9));
            assertTrue(wentOn, "after " + line + " the trial's time_total_s goes on from the donor's at iteration "
                    + donorIteration + ":\n" + target);
        }
    }

    /** The results of the trial a PBT log line names by its tag (Ray's trial name), in order. */
    private static List<JsonNode> results(ExperimentResult result, String tag) throws Exception {
        Trial trial = result.trials().stream().filter(t -> t.name().equals(tag) || t.id().equals(tag)).findFirst()
                .orElseThrow(() -> new AssertionError("no trial " + tag + " in " + result.trials()));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(trial.dir().orElseThrow().resolve("result.json"))) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void synchronousPbtPerturbsAtSharedBoundaries(@TempDir Path dir) throws Exception {
        ExperimentResult result = run(dir,
                "pbt(timeAttr=training_iteration,perturbationInterval=3,mutations=lr,synch=true,logConfig=true)");
        for (Trial trial : result.trials()) {
            assertEquals(12, trial.iterations(), trial.toString());
        }
        List<String> global = Files.readAllLines(result.dir().orElseThrow().resolve("pbt_global.txt"));
        assertFalse(global.isEmpty());
        for (String line : global) {
            JsonNode step = JSON.readTree(line);
            assertEquals(0, step.get(2).asLong() % 3, "every target stood at a boundary: " + line);
            assertEquals(step.get(2).asLong(), step.get(3).asLong(), "in step, target and donor share the time: " + line
                    + "\n" + String.join("\n", global));
        }
    }

    @Test
    void withoutConfigLoggingNoLogIsWrittenButConfigsStillChange(@TempDir Path dir) {
        ExperimentResult result = run(dir,
                "pbt(timeAttr=training_iteration,perturbationInterval=3,mutations=lr,quantileFraction=0.5,logConfig=false)");
        assertFalse(Files.exists(result.dir().orElseThrow().resolve("pbt_global.txt")));
        assertTrue(result.trials().stream().anyMatch(t -> t.lastResult().orElseThrow().metric("origin")
                != t.lastResult().orElseThrow().metric("lr")));
    }

    @Test
    void inMemoryRunsExploitToo() {
        ExperimentResult result = Runs.run(Toy.class, Runs.quiet().seed(5).maxConcurrentTrials(4).maxIterations(9));
        assertTrue(result.trials().stream().allMatch(t -> t.iterations() == 9), result.trials().toString());
    }

    @Test
    void aTrainableThatCannotCheckpointIsRefusedBeforeAnyTrial() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Runs.run(Forgetful.class));
        assertTrue(e.getMessage().contains("copies checkpoints between trials, but " + Forgetful.class.getName()
                + " saves none; mark its state fields @Checkpoint"), e.getMessage());
    }
}
