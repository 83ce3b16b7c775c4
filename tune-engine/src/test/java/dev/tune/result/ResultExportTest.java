package dev.tune.result;

import dev.tune.store.StoredExperiment;
import static dev.tune.result.TrialFixtures.pair;
import static dev.tune.result.TrialFixtures.trial;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tune.Config;
import dev.tune.Mode;
import dev.tune.store.ExperimentInfo;
import dev.tune.store.ExperimentState;
import dev.tune.store.LocalDirectoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultExportTest {

    @TempDir
    Path dir;

    private static ExperimentResult sample() {
        Map<String, Object> quoted = new LinkedHashMap<>();
        quoted.put("opt", "a,b");
        quoted.put("note", "say \"hi\"");
        quoted.put("lr", 0.1);
        Trial first = trial(1, TrialStatus.TERMINATED, Config.of(quoted), pair("loss", 0.5, "acc", 0.9));
        Trial second = trial(2, TrialStatus.ERROR, Config.of(Map.of("lr", 0.2, "layers", 3)),
                Map.of("loss", new double[] {0.7, Double.NaN}));
        return new ExperimentResult("exp", Objective.of("loss", Mode.MIN), List.of(second, first), Optional.empty(),
                Duration.ofMillis(1500), 42);
    }

    @Test
    void csvHasOneQuotedRowPerTrial() {
        List<String> lines = sample().toCsv().lines().toList();
        assertEquals("trial_id,number,name,status,termination,iterations,config/opt,config/note,config/lr,"
                + "config/layers,loss,acc,error", lines.get(0));
        assertEquals("exp_1,1,#1,TERMINATED,COMPLETED,1,\"a,b\",\"say \"\"hi\"\"\",0.1,,0.5,0.9,", lines.get(1));
        assertEquals("exp_2,2,#2,ERROR,,2,,,0.2,3,NaN,,java.lang.IllegalStateException: diverged", lines.get(2));
        assertEquals(3, lines.size());
    }

    @Test
    void jsonHasTheExperimentAndEachTrial() throws IOException {
        JsonNode json = new ObjectMapper().readTree(sample().toJson());
        assertEquals("exp", json.get("name").asText());
        assertEquals("loss (min)", json.get("objective").asText());
        assertEquals(42, json.get("seed").asLong());
        assertEquals(1.5, json.get("wallSeconds").asDouble());
        assertEquals("exp_1", json.get("bestTrialId").asText());
        JsonNode trials = json.get("trials");
        assertEquals(2, trials.size());
        JsonNode first = trials.get(0);
        assertEquals(List.of("id", "number", "name", "status", "termination", "iterations", "config", "metrics",
                "error"), fieldNames(first));
        assertEquals("a,b", first.get("config").get("opt").asText());
        assertEquals(0.9, first.get("metrics").get("acc").asDouble());
        assertTrue(first.get("error").isNull());
        JsonNode second = trials.get(1);
        assertEquals("ERROR", second.get("status").asText());
        assertTrue(second.get("termination").isNull());
        assertEquals(3, second.get("config").get("layers").asInt());
        assertEquals("NaN", second.get("metrics").get("loss").asText());
        assertEquals("java.lang.IllegalStateException: diverged", second.get("error").asText());

        ExperimentResult multi = new ExperimentResult("multi", Objective.of(List.of("loss", "acc"), List.of()),
                List.of(), Optional.empty(), Duration.ZERO, 0);
        assertFalse(new ObjectMapper().readTree(multi.toJson()).has("bestTrialId"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void exportsReplaceFilesAtomically() throws IOException {
        ExperimentResult result = sample();
        Path csv = dir.resolve("out/results.csv");
        Path json = dir.resolve("out/results.json");
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, "old");
        result.exportCsv(csv);
        result.exportJson(json);
        assertEquals(result.toCsv(), Files.readString(csv));
        assertEquals(result.toJson(), Files.readString(json));
        try (Stream<Path> files = Files.list(csv.getParent())) {
            assertEquals(2, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void loadsAnExperimentFromItsDirectory() {
        Instant start = Instant.parse("2024-05-01T10:00:00Z");
        Trial good = trial(1, "loss", 3, 2);
        Trial better = trial(2, TrialStatus.TERMINATED, Config.of(Map.of("lr", 0.5)), Map.of("loss", new double[] {1}));
        try (LocalDirectoryStore store = new LocalDirectoryStore(dir)) {
            store.open(new ExperimentInfo("stored", "Model", "tag", 9, 2, "random", "random search",
                    List.of("loss"), List.of("min"), "loss (min)", Map.of(), Map.of(), start));
            for (Trial trial : List.of(good, better)) {
                store.addTrial(trial);
                store.appendResult(trial, trial.lastResult().orElseThrow());
                store.endTrial(trial);
            }
            store.saveState(new ExperimentState("FINISHED", Map.of("TERMINATED", 2L), Optional.of("exp_2"),
                    Optional.of(1.0), start.plusSeconds(90)));
        }
        ExperimentResult result = StoredExperiment.loadResult(dir);
        assertEquals("stored", result.name());
        assertEquals(9, result.seed());
        assertEquals(Duration.ofSeconds(90), result.wallTime());
        assertEquals(Optional.of(dir), result.dir());
        assertEquals(List.of("loss"), result.objective().metrics());
        assertEquals(Optional.of("exp_2"), result.bestTrial().map(Trial::id));
        assertEquals(0.5, result.trials().get(1).config().get("lr"));
        assertEquals(2L, result.countByStatus().get(TrialStatus.TERMINATED));
        assertThrows(IllegalArgumentException.class, () -> StoredExperiment.loadResult(dir.resolve("exp_1")));
    }
}
