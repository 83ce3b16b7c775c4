package dev.tune.checkpoint;

import dev.tune.Mode;
import dev.tune.result.SavedCheckpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * One trial's checkpoints on disk: {@code checkpoint_000005} directories under the trial's
 * directory, named by iteration, pruned to the policy's {@code keep} (the best by score, or the
 * most recent), never removing the latest. Used by the trial's own thread.
 */
public final class TrialCheckpoints {

    private final CheckpointPolicy policy;
    private final List<SavedCheckpoint> kept = new ArrayList<>();

    public TrialCheckpoints(CheckpointPolicy policy) {
        this.policy = policy;
    }

    /** The directory for a checkpoint after {@code iteration}, created empty. */
    public static Path directory(Path trialDir, long iteration) {
        String digits = Long.toString(iteration);
        Path dir = trialDir.resolve("checkpoint_" + "000000".substring(Math.min(6, digits.length())) + digits);
        try {
            deleteRecursively(dir);
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create checkpoint directory " + dir, e);
        }
    }

    /** Records a written checkpoint and removes those the policy no longer keeps. */
    public void saved(SavedCheckpoint checkpoint) {
        kept.removeIf(c -> c.dir().equals(checkpoint.dir()));
        kept.add(checkpoint);
        if (policy.keep() > 0 && kept.size() > policy.keep()) {
            SavedCheckpoint latest = kept.get(kept.size() - 1);
            List<SavedCheckpoint> ranked = new ArrayList<>(kept.subList(0, kept.size() - 1));
            if (policy.scoreMetric() != null) {
                Comparator<SavedCheckpoint> byScore = Comparator.comparingDouble(c -> score(c));
                ranked.sort(policy.scoreMode() == Mode.MAX ? byScore.reversed() : byScore);
            } else {
                ranked.sort(Comparator.comparingLong(SavedCheckpoint::iteration).reversed());
            }
            for (SavedCheckpoint dropped : ranked.subList(Math.max(0, policy.keep() - 1), ranked.size())) {
                kept.remove(dropped);
                deleteQuietly(dropped.dir());
            }
            kept.remove(latest);
            kept.add(latest);
            kept.sort(Comparator.comparingLong(SavedCheckpoint::iteration));
        }
    }

    /** Takes over a checkpoint recorded by an earlier run, without pruning. */
    public void seed(SavedCheckpoint checkpoint) {
        kept.add(checkpoint);
        kept.sort(Comparator.comparingLong(SavedCheckpoint::iteration));
    }

    /**
     * Replaces this trial's future with another trial's checkpoint (PBT's exploit): checkpoints from
     * the donor's iteration on are removed (that part of this trial's history is abandoned), and a
     * copy of {@code donor} becomes the latest checkpoint, under this trial's directory.
     */
    public SavedCheckpoint adopt(SavedCheckpoint donor, Path trialDir) {
        for (SavedCheckpoint own : List.copyOf(kept)) {
            if (own.iteration() >= donor.iteration()) {
                kept.remove(own);
                deleteQuietly(own.dir());
            }
        }
        Path copy = directory(trialDir, donor.iteration());
        try (Stream<Path> paths = Files.walk(donor.dir())) {
            for (Path from : paths.toList()) {
                Path to = copy.resolve(donor.dir().relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy checkpoint " + donor.dir() + " into " + copy, e);
        }
        SavedCheckpoint adopted = new SavedCheckpoint(donor.iteration(), copy, donor.metrics(),
                donor.timeTotalSeconds());
        kept.add(adopted);
        return adopted;
    }

    /** The checkpoints kept, oldest first. */
    public List<SavedCheckpoint> kept() {
        return List.copyOf(kept);
    }

    /** The latest checkpoint taken at or before {@code iteration}, else the oldest kept. */
    public Optional<SavedCheckpoint> latestUpTo(long iteration) {
        for (int i = kept.size() - 1; i >= 0; i--) {
            if (kept.get(i).iteration() <= iteration) {
                return Optional.of(kept.get(i));
            }
        }
        return kept.isEmpty() ? Optional.empty() : Optional.of(kept.get(0));
    }

    public Optional<SavedCheckpoint> latest() {
        return kept.isEmpty() ? Optional.empty() : Optional.of(kept.get(kept.size() - 1));
    }

    private double score(SavedCheckpoint checkpoint) {
        Double value = checkpoint.metrics().get(policy.scoreMetric());
        if (value == null || value.isNaN()) {
            return policy.scoreMode() == Mode.MAX ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return value;
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteRecursively(dir);
        } catch (IOException e) {
            LoggerFactory.getLogger(TrialCheckpoints.class).warn("Could not remove old checkpoint {}", dir, e);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
