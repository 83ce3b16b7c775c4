package dev.tune.run.resume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.options.TuneOption;
import dev.tune.run.Tuner;
import dev.tune.run.resume.examples.SlowCounter;
import dev.tune.trainable.Experiment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An experiment killed with SIGKILL resumes: nothing finished is lost or rerun; cut trials continue from their checkpoints. */
class ResumeAfterKillTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path storage;

    @Test
    void aKilledExperimentResumesWhereItWas() throws Exception {
        Path journal = storage.resolve("resumable").resolve("trials.jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ResumeMain.class.getName(), storage.toString()).redirectErrorStream(true)
                .redirectOutput(storage.resolve("forked.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!worthKilling(events(journal))) {
                assertTrue(process.isAlive(), "the forked run ended before it could be killed");
                assertTrue(System.nanoTime() < deadline, "the forked run made no progress");
                Thread.sleep(5);
            }
        } finally {
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            process.waitFor(30, TimeUnit.SECONDS);
        }
        List<JsonNode> before = events(journal);
        Set<String> finished = ids(before, "ended");
        Map<String, Long> checkpointed = lastCheckpoints(before);

        ExperimentResult result = Tuner.run(Experiment.of(SlowCounter.class).get(0),
                ResumeMain.options(storage).set(TuneOption.RESUME, "true").build());

        assertEquals(6, result.trials().size());
        assertTrue(result.trials().stream().allMatch(t -> t.status() == TrialStatus.TERMINATED));
        List<JsonNode> after = events(journal);
        for (String id : finished) {
            assertEquals(1, count(after, "added", id), "finished trial " + id + " was not run again");
        }
        for (Trial trial : result.trials()) {
            assertEquals(10.0, trial.lastResult().orElseThrow().metric("count"), trial.name() + " counted to 10");
            Long from = checkpointed.get(trial.id());
            if (from != null && !finished.contains(trial.id())) {
                JsonNode firstAfterResume = firstResultWithSinceRestore(trial, 1, from + 1);
                assertEquals(from + 1, firstAfterResume.get("training_iteration").asLong(),
                        trial.name() + " continued from its checkpoint at " + from);
                double then = checkpointTimes(before).get(trial.id());
                assertTrue(then > 0, "the checkpoint recorded the trial's training time");
                assertEquals(then + firstAfterResume.get("time_this_iter_s").asDouble(),
                        firstAfterResume.get("time_total_s").asDouble(), 1e-9,
                        trial.name() + "'s time_total_s went on from its checkpoint's, as Ray's does");
            }
        }
        assertTrue(checkpointed.keySet().stream().anyMatch(id -> !finished.contains(id)),
                "at least one cut trial had a checkpoint to continue from");
    }

    @Test
    void ctrlCLeavesCancelledTrialsThatResume() throws Exception {
        Path journal = storage.resolve("resumable").resolve("trials.jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ResumeMain.class.getName(), storage.toString()).redirectErrorStream(true)
                .redirectOutput(storage.resolve("forked.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ids(events(journal), "ended").size() < 2) {
            assertTrue(process.isAlive() && System.nanoTime() < deadline, "the forked run ended too soon");
            Thread.sleep(5);
        }
        process.destroy(); // SIGTERM, as Ctrl+C: shutdown hooks run
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        List<JsonNode> before = events(journal);
        assertTrue(before.stream().anyMatch(e -> "CANCELLED".equals(e.path("termination").asText())),
                "running trials were recorded as cancelled");
        assertTrue(Files.readString(storage.resolve("resumable").resolve("experiment-state.json")).contains("STOPPED"));
        assertTrue(Files.readString(storage.resolve("resumable").resolve("report.html")).contains("\"status\":\"STOPPED\""),
                "the interrupted run wrote its report before the JVM went");

        ExperimentResult result = Tuner.run(Experiment.of(SlowCounter.class).get(0),
                ResumeMain.options(storage).set(TuneOption.RESUME, "auto").build());
        assertEquals(6, result.trials().size());
        for (Trial trial : result.trials()) {
            assertEquals(TrialStatus.TERMINATED, trial.status(), trial.name());
            assertEquals(10.0, trial.lastResult().orElseThrow().metric("count"), trial.name() + " " + trial.termination());
        }
    }

    /** Killing is worth it once two trials finished and an unfinished one has a checkpoint. */
    private static boolean worthKilling(List<JsonNode> events) {
        Set<String> ended = ids(events, "ended");
        return ended.size() >= 2 && lastCheckpoints(events).keySet().stream().anyMatch(id -> !ended.contains(id));
    }

    private static List<JsonNode> events(Path journal) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        if (!Files.exists(journal)) {
            return events;
        }
        for (String line : Files.readAllLines(journal)) {
            try {
                events.add(JSON.readTree(line));
            } catch (IOException torn) {
                // the line being written when the process died
            }
        }
        return events;
    }

    private static Set<String> ids(List<JsonNode> events, String kind) {
        Set<String> ids = new HashSet<>();
        events.stream().filter(e -> kind.equals(e.path("event").asText())).forEach(e -> ids.add(e.path("id").asText()));
        return ids;
    }

    private static long count(List<JsonNode> events, String kind, String id) {
        return events.stream().filter(e -> kind.equals(e.path("event").asText()) && id.equals(e.path("id").asText()))
                .count();
    }

    private static Map<String, Long> lastCheckpoints(List<JsonNode> events) {
        Map<String, Long> last = new HashMap<>();
        events.stream().filter(e -> "checkpoint".equals(e.path("event").asText()))
                .forEach(e -> last.merge(e.path("id").asText(), e.path("iteration").asLong(), Math::max));
        return last;
    }

    /** The training time each trial's latest checkpoint recorded. */
    private static Map<String, Double> checkpointTimes(List<JsonNode> events) {
        Map<String, Long> last = lastCheckpoints(events);
        Map<String, Double> times = new HashMap<>();
        events.stream().filter(e -> "checkpoint".equals(e.path("event").asText())
                        && e.path("iteration").asLong() == last.get(e.path("id").asText()))
                .forEach(e -> times.put(e.path("id").asText(), e.path("time_total_s").asDouble()));
        return times;
    }

    private static JsonNode firstResultWithSinceRestore(Trial trial, long sinceRestore, long atLeast) throws IOException {
        for (String line : Files.readAllLines(trial.dir().orElseThrow().resolve("result.json"))) {
            JsonNode result;
            try {
                result = JSON.readTree(line);
            } catch (IOException torn) {
                continue;
            }
            if (result.path("iterations_since_restore").asLong() == sinceRestore
                    && result.path("training_iteration").asLong() >= atLeast - 1) {
                return result;
            }
        }
        throw new AssertionError("no result after the restore at " + atLeast + " in " + trial.dir().orElseThrow() + ":\n"
                + Files.readString(trial.dir().orElseThrow().resolve("result.json")) + "\nstored checkpoints: "
                + trial.checkpoints());
    }
}
