package dev.tune.schedule;

import dev.tune.Mode;
import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.search.Brackets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Synchronous HyperBand, as Ray's {@code HyperBandScheduler}: new trials fill the brackets of a band
 * in the order {@code s = 0 .. sMax}, as Ray does (first the bracket that runs each of its trials to
 * {@code maxT}, last the one that starts most trials at the smallest budget); bracket {@code s}
 * takes {@code ceil((sMax+1)/(s+1) * eta^s)} trials and starts them with a budget of
 * {@code maxT * eta^-s}. A trial that reaches its bracket's milestone pauses; when every live trial
 * of the bracket has paused there, the best {@code ceil(n/eta)} of the rung's {@code n} continue to
 * a milestone {@code eta} times later and the rest stop early. Trials reaching {@code maxT} end
 * there. Pausing frees the trial's slot: its state goes to a checkpoint, or stays in memory when the
 * trainable cannot checkpoint.
 */
public final class HyperBandScheduler implements Scheduler {

    private final TimeAttribute time;
    private final String ownMetric;
    private final Mode ownMode;
    private final double maxT;
    private final double eta;
    private final List<SyncBracket> brackets = new ArrayList<>();
    private final Map<String, SyncBracket> bracketOf = new HashMap<>();
    private int sMax;
    private int nextS;
    private String metric;
    private Mode mode;

    /** Ray's defaults: iterations, maxT 81, reduction factor 3. */
    public HyperBandScheduler() {
        this(TimeAttribute.ITERATION, null, null, 81, 3);
    }

    public HyperBandScheduler(TimeAttribute time, String metric, Mode mode, double maxT, double reductionFactor) {
        if (!(maxT >= 1) || !(reductionFactor > 1)) {
            throw new IllegalArgumentException("HyperBand needs maxT >= 1 and reductionFactor > 1; got maxT=" + maxT
                    + ", reductionFactor=" + reductionFactor);
        }
        this.time = time;
        this.ownMetric = metric;
        this.ownMode = mode;
        this.maxT = maxT;
        this.eta = reductionFactor;
    }

    @Override
    public boolean pausesTrials() {
        return true;
    }

    @Override
    public void start(SchedulerProblem problem) {
        metric = problem.metric(ownMetric, "HyperBand");
        mode = problem.mode(ownMode, metric);
        sMax = (int) Math.floor(Math.log(maxT) / Math.log(eta) + 1e-9);
        nextS = 0;
        brackets.clear();
        bracketOf.clear();
    }

    @Override
    public void onTrialAdd(Trial trial) {
        SyncBracket open = brackets.isEmpty() ? null : brackets.get(brackets.size() - 1);
        if (open == null || open.isFull()) {
            int s = nextS;
            nextS = s == sMax ? 0 : s + 1;
            int capacity = (int) Math.ceil((sMax + 1.0) / (s + 1) * Math.pow(eta, s));
            open = new SyncBracket(s, capacity, Math.max(1, maxT * Math.pow(eta, -s)));
            brackets.add(open);
        }
        open.add(trial.id());
        bracketOf.put(trial.id(), open);
    }

    /**
     * Each trial's bracket by its {@code s}, so a searcher models the brackets of one shape together
     * (the same rungs, band after band); a trial not added yet gets the bracket it would join now.
     */
    @Override
    public Optional<Brackets> brackets() {
        return Optional.of(id -> {
            SyncBracket bracket = bracketOf.get(id);
            if (bracket != null) {
                return bracket.s;
            }
            SyncBracket open = brackets.isEmpty() ? null : brackets.get(brackets.size() - 1);
            return open != null && !open.isFull() ? open.s : nextS;
        });
    }

    @Override
    public Decision onTrialResult(Result result) {
        double t = time.of(result);
        if (t >= maxT) {
            return Decision.COMPLETE;
        }
        SyncBracket bracket = bracketOf.get(result.trialId());
        if (bracket == null || t < bracket.milestone()) {
            return Decision.CONTINUE;
        }
        double value = result.metric(metric);
        bracket.reached(result.trialId(), mode == Mode.MAX ? value : -value);
        return Decision.PAUSE;
    }

    @Override
    public void onTrialComplete(Trial trial) {
        SyncBracket bracket = bracketOf.remove(trial.id());
        if (bracket != null) {
            bracket.ended(trial.id());
        }
    }

    @Override
    public Map<String, Decision> decidePaused(boolean quiet) {
        Map<String, Decision> decisions = new LinkedHashMap<>();
        for (SyncBracket bracket : brackets) {
            bracket.decide(quiet, eta, maxT, decisions);
        }
        return decisions;
    }

    /** True: a trial paused at its bracket's milestone waits there for every live trial of the bracket. */
    @Override
    public boolean needsBarrier() {
        return true;
    }

    /** True: its decisions depend only on its seed and the events it was told, in order. */
    @Override
    public boolean replicable() {
        return true;
    }

    @Override
    public String toString() {
        return "hyperband(timeAttr=" + time + ", maxT=" + maxT + ", reductionFactor=" + eta + ")";
    }
}
