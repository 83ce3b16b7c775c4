package dev.tune.run;

import dev.tune.result.Trial;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a worker of a shared experiment knows, from the log, of the trials PBT may copy: each live
 * trial's checkpoints and how far it got, and for each donor of this worker's exploits the
 * iteration it had reached when PBT chose it. An exploit is carried out later than it is decided
 * (after the log is read on, while the trial finishes pausing), and a donor on another worker may
 * have gone on by then, so the copy is the donor's last checkpoint at or before that iteration:
 * the state PBT ranked.
 */
final class Donors {

    /** Every live trial with a checkpoint in the log, as the log describes it. */
    private final Map<String, Trial> saved = new ConcurrentHashMap<>();
    private final Map<String, Long> reached = new ConcurrentHashMap<>();
    private final Map<String, Long> chosenAt = new ConcurrentHashMap<>();

    /** A live trial saved a checkpoint: {@code trial} has its checkpoints so far. */
    void checkpoint(Trial trial) {
        saved.put(trial.id(), trial);
    }

    /** A trial reported a result of {@code iteration}. */
    void reached(String trialId, long iteration) {
        reached.put(trialId, iteration);
    }

    /** PBT chose {@code donorId} for one of this worker's trials, here in the log. */
    void chosen(String donorId) {
        chosenAt.put(donorId, reached.getOrDefault(donorId, Long.MAX_VALUE));
    }

    void ended(String trialId) {
        saved.remove(trialId);
        reached.remove(trialId);
        chosenAt.remove(trialId);
    }

    void clear() {
        saved.clear();
        reached.clear();
        chosenAt.clear();
    }

    boolean hasCheckpoint(String trialId) {
        return saved.containsKey(trialId);
    }

    /** The donor as the log describes it, with the checkpoints it had saved when it was chosen. */
    Optional<Trial> donor(String trialId) {
        long upTo = chosenAt.getOrDefault(trialId, Long.MAX_VALUE);
        return Optional.ofNullable(saved.get(trialId)).map(trial -> new Trial(trial.id(), trial.number(),
                trial.name(), trial.config(), trial.status(), trial.termination(), trial.iterations(),
                trial.lastResult(), trial.metrics(), trial.error(), trial.dir(),
                trial.checkpoints().stream().filter(c -> c.iteration() <= upTo).toList()));
    }
}
