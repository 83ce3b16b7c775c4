package dev.tune.schedule;

import dev.tune.Mode;
import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.search.Brackets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Asynchronous successive halving (ASHA), as Ray's {@code AsyncHyperBandScheduler}: each trial
 * joins a bracket; a bracket has rungs at {@code gracePeriod * reductionFactor^k} (shifted by the
 * bracket's index), up to {@code maxT}. When a trial first reaches a rung, it continues only if
 * its value is not below the rung's cut-off, the {@code 1 - 1/reductionFactor} quantile of the
 * values recorded there so far; the first trial at a rung always continues. Trials that reach
 * {@code maxT} end there (as completed, not early-stopped). With several brackets, a trial's
 * bracket is drawn with softmax weights on the brackets' rung counts, as Ray does, seeded. The
 * values at the rungs are kept in memory, or where a shared experiment's view keeps them for every
 * worker ({@link SchedulerView#sharedRungs}).
 */
public final class AsyncHyperBandScheduler implements Scheduler {

    private final TimeAttribute time;
    private final String ownMetric;
    private final Mode ownMode;
    private final double maxT;
    private final double gracePeriod;
    private final double reductionFactor;
    private final int bracketCount;
    private final List<Bracket> brackets = new ArrayList<>();
    private final Map<String, Bracket> bracketOf = new HashMap<>();
    private SplittableRandom random;
    private RungValues rungs;
    private String metric;
    private Mode mode;

    /** Ray's defaults: iterations, maxT 100, grace period 1, reduction factor 4, one bracket. */
    public AsyncHyperBandScheduler() {
        this(TimeAttribute.ITERATION, null, null, 100, 1, 4, 1);
    }

    /**
     * @param metric the metric to compare, or null for the experiment's
     * @param mode its mode, or null for the experiment's
     */
    public AsyncHyperBandScheduler(TimeAttribute time, String metric, Mode mode, double maxT, double gracePeriod,
            double reductionFactor, int brackets) {
        if (!(gracePeriod > 0) || !(maxT >= gracePeriod) || !(reductionFactor > 1) || brackets < 1) {
            throw new IllegalArgumentException("ASHA needs 0 < gracePeriod <= maxT, reductionFactor > 1 and brackets"
                    + " >= 1; got gracePeriod=" + gracePeriod + ", maxT=" + maxT + ", reductionFactor="
                    + reductionFactor + ", brackets=" + brackets);
        }
        this.time = time;
        this.ownMetric = metric;
        this.ownMode = mode;
        this.maxT = maxT;
        this.gracePeriod = gracePeriod;
        this.reductionFactor = reductionFactor;
        this.bracketCount = brackets;
    }

    @Override
    public void start(SchedulerProblem problem) {
        metric = problem.metric(ownMetric, "ASHA");
        mode = problem.mode(ownMode, metric);
        random = new SplittableRandom(problem.seed());
        rungs = problem.view().sharedRungs().orElseGet(RungValues::inMemory);
        brackets.clear();
        for (int s = 0; s < bracketCount; s++) {
            brackets.add(new Bracket(gracePeriod, maxT, reductionFactor, s, rungs));
        }
    }

    @Override
    public void onTrialAdd(Trial trial) {
        bracketOf.computeIfAbsent(trial.id(), id -> chooseBracket());
    }

    /** With several brackets, each trial's: drawn at the first question about it, as {@link #onTrialAdd} would. */
    @Override
    public Optional<Brackets> brackets() {
        return bracketCount == 1 ? Optional.empty()
                : Optional.of(id -> brackets.indexOf(bracketOf.computeIfAbsent(id, any -> chooseBracket())));
    }

    @Override
    public Decision onTrialResult(Result result) {
        double t = time.of(result);
        if (t >= maxT) {
            return Decision.COMPLETE;
        }
        Bracket bracket = bracketOf.computeIfAbsent(result.trialId(), id -> chooseBracket());
        double value = result.metric(metric);
        return bracket.onResult(result.trialId(), t, mode == Mode.MAX ? value : -value);
    }

    @Override
    public void onTrialComplete(Trial trial) {
        bracketOf.remove(trial.id());
    }

    /** True: its decisions read the values at its rungs, which a shared experiment keeps for every worker. */
    @Override
    public boolean decidesAtRungs() {
        return true;
    }

    private Bracket chooseBracket() {
        if (brackets.size() == 1) {
            return brackets.get(0);
        }
        double[] weights = new double[brackets.size()];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.exp(brackets.get(i).rungCount());
            total += weights[i];
        }
        double draw = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return brackets.get(i);
            }
        }
        return brackets.get(brackets.size() - 1);
    }

    @Override
    public String toString() {
        return "asha(timeAttr=" + time + ", maxT=" + maxT + ", gracePeriod=" + gracePeriod + ", reductionFactor="
                + reductionFactor + ", brackets=" + bracketCount + ")";
    }

    /** True: its decisions depend only on its seed and the events it was told, in order. */
    @Override
    public boolean replicable() {
        return true;
    }
}
