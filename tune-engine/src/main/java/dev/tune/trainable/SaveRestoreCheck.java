package dev.tune.trainable;

import dev.tune.Config;
import dev.tune.TrialContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that a class trainable saves and restores correctly, as Ray's
 * {@code validate_save_restore}: one instance runs some steps and saves a checkpoint; a fresh
 * instance restores it; both then run one more step, which must report the same metrics. Use it in
 * a unit test of your trainable; it throws an {@link AssertionError} saying which metrics differ.
 */
public final class SaveRestoreCheck {

    private SaveRestoreCheck() {
    }

    /** Runs the check for {@code type} with {@code config}, saving after {@code steps} steps. */
    public static void validate(Class<?> type, Config config, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("run at least one step before saving, got " + steps);
        }
        ClassTrainable trainable = (ClassTrainable) Experiment.ofClass(type).body();
        if (!trainable.checkpointable()) {
            throw new AssertionError(type.getName() + " has nothing to checkpoint: mark state fields @Checkpoint, "
                    + "or declare @Checkpoint.Save and @Checkpoint.Load methods");
        }
        try {
            Path dir = Files.createTempDirectory("tune-save-restore-");
            CheckContext first = new CheckContext(config, dir);
            Object original = trainable.prepare(first);
            for (int i = 0; i < steps; i++) {
                trainable.stepOnce(original, first);
            }
            Path checkpoint = Files.createDirectories(dir.resolve("checkpoint"));
            trainable.save(original, checkpoint);
            CheckContext second = new CheckContext(config, dir);
            second.iteration = first.iteration;
            Object restored = trainable.prepare(second);
            trainable.load(restored, checkpoint);
            Map<String, Double> expected = trainable.stepOnce(original, first);
            Map<String, Double> actual = trainable.stepOnce(restored, second);
            if (!expected.equals(actual)) {
                throw new AssertionError(type.getName() + " does not restore correctly: after " + steps
                        + " steps, the original's next step reported " + expected + " but the restored instance's "
                        + actual + "; checkpoint every field the step depends on");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new AssertionError("the save-restore check of " + type.getName() + " failed: " + e, e);
        }
    }

    /** The context a checked instance sees: its config, a scratch directory and an iteration count. */
    private static final class CheckContext implements TrialContext {
        private final Config config;
        private final Path dir;
        long iteration;

        CheckContext(Config config, Path dir) {
            this.config = config;
            this.dir = dir;
        }

        @Override
        public String trialId() {
            return "save-restore-check";
        }

        @Override
        public String trialName() {
            return "save-restore check";
        }

        @Override
        public long seed() {
            // Both instances of the check get the same seed, as a restored trial does.
            return 0;
        }

        @Override
        public Config config() {
            return config;
        }

        @Override
        public Path trialDir() {
            return dir;
        }

        @Override
        public long iteration() {
            return iteration;
        }

        @Override
        public void report(Map<String, ?> metrics) {
            throw new IllegalStateException("a class trainable returns its metrics from its step");
        }

        @Override
        public void report(Map<String, ?> metrics, Path checkpoint) {
            report(metrics);
        }

        @Override
        public Optional<Path> latestCheckpoint() {
            return Optional.empty();
        }

        @Override
        public boolean isStopRequested() {
            return false;
        }
    }

    static void advance(TrialContext context) {
        if (context instanceof CheckContext check) {
            check.iteration++;
        }
    }
}
