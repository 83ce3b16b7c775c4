package dev.tune.store.postgres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import dev.tune.result.SavedCheckpoint;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.store.ExperimentInfo;
import dev.tune.store.ExperimentStore;
import dev.tune.store.SharedRun;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small checkpoints travel through the database: a worker on another machine (here: another
 * storage directory) takes a trial over from the checkpoint the first worker wrote, with no shared
 * file system. Large ones stay files.
 */
class CheckpointBytesTest {

    @TempDir
    Path machineA;
    @TempDir
    Path machineB;

    @Test
    void aCheckpointsFilesComeBackAsTheyWere() throws Exception {
        Path dir = Files.createDirectories(machineA.resolve("checkpoint_000003"));
        Files.writeString(dir.resolve("state.json"), "{\"w\": [1, 2, 3]}");
        Files.createDirectories(dir.resolve("optimizer"));
        Files.write(dir.resolve("optimizer").resolve("moments.bin"), new byte[] {0, 1, 2, (byte) 255});
        byte[] archive = CheckpointBytes.pack(dir).orElseThrow();
        Path copy = machineB.resolve("trial").resolve("checkpoint_000003");
        CheckpointBytes.unpack(archive, copy);
        assertEquals("{\"w\": [1, 2, 3]}", Files.readString(copy.resolve("state.json")));
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 255}, Files.readAllBytes(copy.resolve("optimizer/moments.bin")));
        try (var left = Files.list(copy.getParent())) {
            assertEquals(List.of(copy), left.toList(), "no partial directory is left behind");
        }
    }

    @Test
    void aCheckpointOverTheLimitStaysFiles() throws Exception {
        Path dir = Files.createDirectories(machineA.resolve("big"));
        Files.write(dir.resolve("weights.bin"), new byte[(int) CheckpointBytes.LIMIT + 1]);
        assertTrue(CheckpointBytes.pack(dir).isEmpty());
        Files.write(dir.resolve("weights.bin"), new byte[(int) CheckpointBytes.LIMIT]);
        assertTrue(CheckpointBytes.pack(dir).isPresent(), "the limit itself is kept");
    }

    @Test
    void aCheckpointAlreadyReplacedIsNotKept() {
        assertTrue(CheckpointBytes.pack(machineA.resolve("deleted_by_a_later_checkpoint")).isEmpty());
    }

    @Test
    void anArchiveEntryOutsideTheCheckpointIsRefused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("../escaped.txt"));
            zip.write(1);
            zip.closeEntry();
        }
        Path target = machineB.resolve("checkpoint");
        assertThrows(java.io.UncheckedIOException.class, () -> CheckpointBytes.unpack(bytes.toByteArray(), target));
        assertFalse(Files.exists(machineB.resolve("escaped.txt")));
        assertFalse(Files.exists(target));
    }

    @Test
    void anotherMachineTakesATrialOverFromItsCheckpointInTheDatabase() throws Exception {
        try (PostgresServer server = PostgresServer.start()) {
            String url = server.createDatabase("checkpoints");
            PostgresExperiment first = join(url, machineA);
            PostgresExperiment second = join(url, machineB);
            try (Connection c = server.connect("checkpoints")) {
                assertInstanceOf(SharedRun.Claim.Added.class,
                        first.claim(SharedRun.Replica.NONE, number -> new SharedRun.Claim.Added(trial(machineA, number))));
                Path saved = Files.createDirectories(machineA.resolve("trial_00001/checkpoint_000002"));
                Files.writeString(saved.resolve("model.txt"), "iteration 2");
                ExperimentStore store = first.store(false, SharedRun.Gathering.NONE);
                store.addCheckpoint(trial(machineA, 1), new SavedCheckpoint(2, saved, Map.of("loss", 0.5)));
                store.flush();
                assertEquals(1, SharedExperimentTest.count(c, "SELECT count(*) FROM tune_checkpoint"
                        + " WHERE dir = 'trial_00001/checkpoint_000002' AND trial_number = 1"));
                c.createStatement().execute("UPDATE tune_trial SET status = 'PENDING', worker = NULL"); // the first machine is gone
                SharedRun.Claim taken = second.claim(SharedRun.Replica.NONE,
                        number -> new SharedRun.Claim.Added(trial(machineB, number)));
                Trial lost = assertInstanceOf(SharedRun.Claim.TakenOver.class, taken).trial();
                Path restored = lost.latestCheckpoint().orElseThrow().dir();
                assertEquals(machineB.resolve("trial_00001/checkpoint_000002"), restored);
                assertEquals("iteration 2", Files.readString(restored.resolve("model.txt")),
                        "unpacked on the second machine before the trial restarts from it");
                SavedCheckpoint missing = new SavedCheckpoint(3, machineB.resolve("trial_00001/checkpoint_000003"), Map.of());
                assertFalse(second.fetch(missing), "neither here nor in the database");
                store.close();
            } finally {
                first.close();
                second.close();
            }
        }
    }

    private static PostgresExperiment join(String url, Path machine) {
        ExperimentInfo info = new ExperimentInfo("checkpoints", "Model", "ab12c", 1, 10, "random", "random search",
                List.of("loss"), List.of("min"), "loss (min)", Map.of("x", "uniform(0, 1)"), Map.of(), Instant.now());
        return PostgresExperiment.join(PostgresLocation.of(url, PostgresServer.USER, PostgresServer.PASSWORD, Map.of()),
                info, machine, new Heartbeats.Settings(Duration.ofSeconds(1), Duration.ofSeconds(30), 0,
                        Duration.ofSeconds(10)));
    }

    private static Trial trial(Path machine, int number) {
        String id = "ab12c_" + String.format("%05d", number);
        return new Trial(id, number, "#" + number, Config.of(Map.of("x", 0.5)), TrialStatus.RUNNING, Optional.empty(),
                0, Optional.empty(), Map.of(), Optional.empty(), Optional.of(machine.resolve("trial_" + String.format("%05d",
                number))), List.of());
    }
}
