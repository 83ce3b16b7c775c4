package dev.tune.search;

/**
 * Which bracket of a multi-fidelity scheduler (HyperBand, ASHA with several brackets) a trial runs
 * in, so a searcher can keep one model per bracket, as Optuna's TPE does under its
 * {@code HyperbandPruner}: trials of one bracket were stopped at the same rungs, so only they are
 * comparable. The scheduler answers; the searcher only reads. A trial's bracket is fixed by the
 * first question about it (the searcher's, while it suggests the trial, or the scheduler's own,
 * when the trial starts), so ask once per trial and keep the answer.
 */
@FunctionalInterface
public interface Brackets {

    /** Every trial in one bracket: what a searcher sees when the scheduler has no brackets. */
    Brackets NONE = trialId -> 0;

    /** The bracket of trial {@code trialId}, from 0: the one it runs in, or the one it joins when it starts. */
    int of(String trialId);
}
