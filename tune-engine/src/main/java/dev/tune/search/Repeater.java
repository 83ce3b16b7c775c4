package dev.tune.search;

import dev.tune.result.Trial;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs every config of a searcher several times and tells the searcher the average, as Ray's
 * {@code Repeater}: useful when one training run is too noisy to judge a config by.
 *
 * <ul>
 *   <li>Each config the wrapped searcher suggests is given to {@code repeat} consecutive trials
 *       (a group); the wrapped searcher is asked only for a group's first trial, and sees only
 *       that trial's id. Until the whole group has been suggested, suggestions are its remaining
 *       repeats.</li>
 *   <li>When every trial of a group has completed, the wrapped searcher is told
 *       {@link Searcher#onTrialComplete} once, for the group's first trial id, with a trial whose
 *       last result (and metric statistics) hold, for each objective metric, the mean of the
 *       group's final values; trials that did not report a finite value are left out of the
 *       mean, as Ray's {@code nanmean}.</li>
 *   <li>Intermediate results are not passed on, as in Ray.</li>
 * </ul>
 *
 * A searcher that proposes N configs thus yields N × {@code repeat} trials.
 */
public final class Repeater implements Searcher {

    private final Searcher searcher;
    private final int repeat;
    private final Map<String, RepeatGroup> groups = new HashMap<>();
    private List<String> metrics = List.of();
    private RepeatGroup current;

    /** Repeats each of {@code searcher}'s configs {@code repeat} times (at least 1). */
    public Repeater(Searcher searcher, int repeat) {
        this.searcher = Objects.requireNonNull(searcher, "searcher");
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat must be at least 1, got " + repeat);
        }
        this.repeat = repeat;
    }

    /** The searcher whose configs are repeated. */
    public Searcher searcher() {
        return searcher;
    }

    /** How many trials run each config. */
    public int repeat() {
        return repeat;
    }

    @Override
    public void start(SearchProblem problem) {
        metrics = problem.objective() == null ? List.of() : problem.objective().metrics();
        groups.clear();
        current = null;
        searcher.start(problem);
    }

    @Override
    public Suggestion suggest(String trialId) {
        if (current == null || current.full()) {
            Suggestion suggestion = searcher.suggest(trialId);
            if (suggestion.config().isEmpty()) {
                return suggestion;
            }
            current = new RepeatGroup(trialId, suggestion.config().get(), repeat);
        } else {
            current.add(trialId);
        }
        groups.put(trialId, current);
        return Suggestion.of(current.config());
    }

    /**
     * What the wrapped searcher answers: the k-th trial runs the wrapped searcher's
     * {@code k / repeat}-th config, so repeats of a positional searcher are positional too.
     */
    @Override
    public boolean positional() {
        return searcher.positional();
    }

    /** The wrapped searcher's suggestion at {@code position / repeat}, for a positional one. */
    @Override
    public Optional<Suggestion> suggestionAt(long position) {
        return searcher.suggestionAt(position / repeat);
    }

    /** False, whatever it wraps: intermediate results are not passed on, as in Ray. */
    @Override
    public boolean readsResults() {
        return false;
    }

    /** What the wrapped searcher answers: repeats are more trials of the same kind. */
    @Override
    public boolean suggestsAhead() {
        return searcher.suggestsAhead();
    }

    /** What the wrapped searcher answers. */
    @Override
    public boolean suggestsAlike() {
        return searcher.suggestsAlike();
    }

    @Override
    public void onTrialComplete(Trial trial) {
        RepeatGroup group = groups.remove(trial.id());
        if (group != null && group.complete(trial)) {
            searcher.onTrialComplete(group.summary(metrics));
        }
    }

    /** The wrapped searcher's description, then {@code ; each config run 3 times, told the mean}. */
    @Override
    public String describe() {
        return searcher.describe() + "; each config run " + repeat + (repeat == 1 ? " time" : " times")
                + ", told the mean";
    }

    @Override
    public String toString() {
        return "Repeater(" + searcher + ", repeat=" + repeat + ")";
    }
}
