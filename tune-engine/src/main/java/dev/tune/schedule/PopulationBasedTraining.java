package dev.tune.schedule;

import dev.tune.Config;
import dev.tune.Mode;
import dev.tune.result.Result;
import dev.tune.result.Trial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Population Based Training, as Ray's {@code PopulationBasedTraining}: every trial of the experiment
 * belongs to one population. Each time a trial has trained another {@code perturbationInterval} of
 * its time attribute (after the burn-in period), it is ranked among the others: a trial in the top
 * quantile saves a checkpoint; one in the bottom quantile exploits a random top trial (continues
 * from its checkpoint) and explores (its config mutated by the {@link Mutation}s, then the custom
 * explore function). The schedule of configs is logged for each trial. With more trials than slots,
 * trials take turns: after each perturbation step a trial pauses when others wait, and the one that
 * trained least runs next. In synchronous mode every trial waits at each interval boundary until
 * all have reached it, and the whole population is perturbed at once. Build with {@link #builder()}.
 */
public final class PopulationBasedTraining implements Scheduler {

    private static final Logger LOG = LoggerFactory.getLogger(PopulationBasedTraining.class);

    private final PbtSettings settings;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final List<SchedulerAction> actions = new ArrayList<>();
    private Explorer explorer;
    private SchedulerView view;
    private SplittableRandom random;
    private String metric;
    private double sign;
    private double nextSync;

    PopulationBasedTraining(PbtSettings settings) {
        this.settings = settings;
    }

    /** A builder with Ray's defaults: {@code time_total_s}, interval 60, quantile 0.25, factors 1.2 and 0.8. */
    public static PbtSettings.Builder builder() {
        return new PbtSettings.Builder();
    }

    @Override
    public void start(SchedulerProblem problem) {
        metric = problem.metric(settings.metric(), "PBT");
        sign = problem.mode(settings.mode(), metric) == Mode.MAX ? 1 : -1;
        explorer = settings.explorer(problem.space());
        view = problem.view();
        random = new SplittableRandom(problem.seed());
        members.clear();
        actions.clear();
        nextSync = Math.max(settings.perturbationInterval(), settings.burnInPeriod());
    }

    @Override
    public boolean needsCheckpoints() {
        return true;
    }

    @Override
    public boolean pausesTrials() {
        return true;
    }

    @Override
    public void onTrialAdd(Trial trial) {
        members.putIfAbsent(trial.id(), new Member(trial.id(), trial.number(), trial.config()));
    }

    @Override
    public Decision onTrialResult(Result result) {
        Member member = members.computeIfAbsent(result.trialId(),
                id -> new Member(id, members.size() + 1, Config.empty()));
        Double time = settings.timeOf(result);
        Double value = result.metrics().get(metric);
        if (time == null || value == null || value.isNaN()) {
            if (settings.requireAttrs()) {
                throw new IllegalStateException("PBT needs '" + (time == null ? settings.timeAttr() : metric)
                        + "' in every result, but trial " + result.trialId() + " reported " + result.metrics().keySet()
                        + "; report it, or build the scheduler with requireAttrs(false)");
            }
            return Decision.CONTINUE;
        }
        if (time < settings.burnInPeriod() || time - member.lastPerturbationTime < settings.perturbationInterval()) {
            return Decision.CONTINUE;
        }
        member.lastScore = sign * value;
        member.lastTrainTime = time;
        return settings.synch() ? synchronous(member, time) : asynchronous(member, time);
    }

    private Decision asynchronous(Member member, double time) {
        member.lastPerturbationTime = time;
        boolean othersWait = view.waitingTrials() > 0
                || members.values().stream().anyMatch(m -> m != member && m.paused && !m.ended && view.runsHere(m.id));
        Quantiles quantiles = quantiles();
        boolean exploited = checkpointOrExploit(member, quantiles);
        if (exploited || othersWait) {
            member.paused = true;
            return Decision.PAUSE;
        }
        return Decision.CONTINUE;
    }

    private Decision synchronous(Member member, double time) {
        boolean behind = view.waitingTrials() > 0 || members.values().stream()
                .anyMatch(m -> m != member && !m.ended && m.lastTrainTime < nextSync);
        member.paused = true;
        if (behind) {
            LOG.debug("[pbt] pausing trial {} until the population reaches {}", member.id, nextSync);
        } else {
            syncRound(time);
        }
        return Decision.PAUSE;
    }

    /** Perturbs the whole population at once: top trials first, so they save before others copy them. */
    private void syncRound(double time) {
        Quantiles quantiles = quantiles();
        List<Member> order = new ArrayList<>(quantiles.upper);
        for (Member m : members.values()) {
            if (!m.ended && !quantiles.upper.contains(m) && !quantiles.lower.contains(m)) {
                order.add(m);
            }
        }
        order.addAll(quantiles.lower);
        for (Member m : order) {
            m.lastPerturbationTime = time;
            checkpointOrExploit(m, quantiles);
        }
        nextSync = Math.max(nextSync + settings.perturbationInterval(), latestTrainTime(0));
    }

    /** The most training time any live trial has, or {@code none} when no trial is live. */
    private double latestTrainTime(double none) {
        double latest = Double.NEGATIVE_INFINITY;
        for (Member m : members.values()) {
            if (!m.ended) {
                latest = Math.max(latest, m.lastTrainTime);
            }
        }
        return latest == Double.NEGATIVE_INFINITY ? none : latest;
    }

    /** Saves a top trial, or makes a bottom trial exploit a top one; true when it exploited. */
    private boolean checkpointOrExploit(Member member, Quantiles quantiles) {
        if (quantiles.upper.contains(member)) {
            if (!member.paused) {
                actions.add(new SchedulerAction.SaveCheckpoint(member.id));
            }
            member.saveRequested = true;
            return false;
        }
        if (!quantiles.lower.contains(member)) {
            return false;
        }
        Member donor = quantiles.upper.get(random.nextInt(quantiles.upper.size()));
        if (!donor.saveRequested && !view.hasCheckpoint(donor.id)) {
            LOG.info("[pbt] no checkpoint for trial {} yet; trial {} keeps its own state", donor.id, member.id);
            return false;
        }
        Config explored = explorer.explore(donor.config, random);
        LOG.debug("[exploit] transferring weights from trial {} (score {}) -> {} (score {})", donor.id,
                sign * donor.lastScore, member.id, sign * member.lastScore);
        LOG.debug("[explore] perturbed config from {} -> {}", donor.config, explored);
        actions.add(new SchedulerAction.Exploit(member.id, donor.id, explored, settings.logConfig()));
        member.config = explored;
        member.lastPerturbationTime = donor.lastPerturbationTime;
        member.lastTrainTime = donor.lastTrainTime;
        return true;
    }

    private Quantiles quantiles() {
        List<Member> ranked = new ArrayList<>();
        for (Member m : members.values()) {
            if (!m.ended && m.lastScore != null) {
                ranked.add(m);
            }
        }
        if (ranked.size() <= 1) {
            return new Quantiles(List.of(), List.of());
        }
        ranked.sort(Comparator.comparingDouble((Member m) -> m.lastScore));
        int n = (int) Math.ceil(ranked.size() * settings.quantileFraction());
        if (n > ranked.size() / 2.0) {
            n = ranked.size() / 2;
        }
        return new Quantiles(List.copyOf(ranked.subList(0, n)), List.copyOf(ranked.subList(ranked.size() - n,
                ranked.size())));
    }

    @Override
    public void onTrialComplete(Trial trial) {
        Member member = members.get(trial.id());
        if (member == null) {
            return;
        }
        member.ended = true;
        member.paused = false;
        if (settings.synch()) {
            syncIfAllArrived();
        }
    }

    private void syncIfAllArrived() {
        List<Member> live = members.values().stream().filter(m -> !m.ended).toList();
        if (!live.isEmpty() && view.waitingTrials() == 0 && live.stream().allMatch(m -> m.paused
                && m.lastTrainTime >= nextSync)) {
            syncRound(latestTrainTime(nextSync));
        }
    }

    /** Fair time-multiplexing: trials waiting to start first, then the paused trial that trained least. */
    @Override
    public Map<String, Decision> decidePaused(boolean quiet) {
        if (settings.synch() && quiet) {
            syncIfAllArrived();
        }
        List<Member> candidates = new ArrayList<>();
        for (Member m : members.values()) {
            if (m.paused && !m.ended && view.runsHere(m.id) && (!settings.synch() || m.lastTrainTime < nextSync)) {
                candidates.add(m);
            }
        }
        int free = view.freeSlots() - view.waitingTrials();
        if (quiet) {
            free = Math.max(free, 1);
        }
        if (candidates.isEmpty() || free <= 0) {
            return Map.of();
        }
        candidates.sort(Comparator.comparingDouble((Member m) -> m.lastTrainTime).thenComparingInt(m -> m.number));
        Map<String, Decision> decisions = new LinkedHashMap<>();
        for (Member m : candidates.subList(0, Math.min(free, candidates.size()))) {
            m.paused = false;
            decisions.put(m.id, Decision.CONTINUE);
        }
        return decisions;
    }

    @Override
    public List<SchedulerAction> actions() {
        if (actions.isEmpty()) {
            return List.of();
        }
        List<SchedulerAction> taken = List.copyOf(actions);
        actions.clear();
        return taken;
    }

    /**
     * True in synchronous mode, where every trial waits at each interval boundary for the whole
     * population: a barrier that workers of a shared experiment do not have.
     */
    public boolean synchronous() {
        return settings.synch();
    }

    /** True in synchronous mode: a paused trial waits at the interval boundary for the whole population. */
    @Override
    public boolean needsBarrier() {
        return settings.synch();
    }

    /**
     * True, in both modes: it resumes a paused trial only where it runs ({@link SchedulerView#runsHere}),
     * when that worker has a free slot, the trial that trained least first.
     */
    @Override
    public boolean pausedTrialsStayOnWorker() {
        return true;
    }

    /** True: its decisions depend only on its seed and the events it was told, in order. */
    @Override
    public boolean replicable() {
        return true;
    }

    @Override
    public String toString() {
        return "PopulationBasedTraining(" + settings.timeAttr() + " every " + settings.perturbationInterval()
                + (settings.synch() ? ", synchronous)" : ")");
    }

    /** What PBT knows of one trial, as Ray's {@code _PBTTrialState}; scores are higher-is-better. */
    private static final class Member {
        final String id;
        final int number;
        Config config;
        Double lastScore;
        double lastTrainTime;
        double lastPerturbationTime;
        boolean paused;
        boolean ended;
        boolean saveRequested;

        Member(String id, int number, Config config) {
            this.id = id;
            this.number = number;
            this.config = config;
        }
    }

    private record Quantiles(List<Member> lower, List<Member> upper) {
    }

    /** PBT replaces a trial's weights and config, but stops none early. */
    @Override
    public boolean stopsEarly() {
        return false;
    }
}
