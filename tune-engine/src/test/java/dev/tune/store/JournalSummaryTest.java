package dev.tune.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tune.TrialContext;
import dev.tune.options.TuneOptions;
import dev.tune.result.Trial;
import dev.tune.run.Tuner;
import dev.tune.store.examples.Curve;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trial's end in the journal carries its last result and metric statistics, so reloading reads
 * one file; the trials it gives must be exactly those that reading every result.json gives.
 */
class JournalSummaryTest {

    @TempDir
    Path storage;

    @Test
    void reloadingFromTheSummaryGivesTheTrialsThatTheResultsGive() throws Exception {
        Tuner.run(Curve.class.getDeclaredMethod("curve", double.class, TrialContext.class),
                TuneOptions.builder().storagePath(storage).verbose(0).build());
        Path dir;
        try (var dirs = Files.list(storage)) {
            dir = dirs.findFirst().orElseThrow();
        }
        List<Trial> fromResults0 = StoredExperiment.load(dir).trials();
        Path journal = dir.resolve("trials.jsonl");
        String original = Files.readString(journal);
        List<Path> resultFiles;
        try (var files = Files.walk(dir)) {
            resultFiles = files.filter(f -> f.getFileName().toString().equals("result.json")).toList();
        }
        java.util.Map<Path, byte[]> saved = new java.util.HashMap<>();
        for (Path file : resultFiles) {
            saved.put(file, Files.readAllBytes(file));
            Files.delete(file);
        }
        List<Trial> fromSummary = StoredExperiment.load(dir).trials(); // the journal alone
        assertEquals(fromResults0, fromSummary);
        saved.forEach((file, bytes) -> {
            try {
                Files.write(file, bytes);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals(original, Files.readString(journal));
        assertTrue(Files.readString(journal).contains("\"stats\""), "the end carries the summary");
        ObjectMapper json = new ObjectMapper();
        List<String> stripped = new ArrayList<>();
        for (String line : Files.readAllLines(journal)) {
            ObjectNode event = (ObjectNode) json.readTree(line);
            event.remove("last");
            event.remove("stats");
            stripped.add(event.toString());
        }
        Files.write(journal, stripped);
        List<Trial> fromResults = StoredExperiment.load(dir).trials();
        assertEquals(5, fromSummary.size());
        assertEquals(fromResults, fromSummary);
        assertEquals(14, fromSummary.get(0).metrics().get("loss").count());
    }
}
