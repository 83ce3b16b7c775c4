package dev.tune.search.nsga;

import dev.tune.Config;
import dev.tune.Mode;
import dev.tune.result.Objective;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import dev.tune.search.SearchProblem;
import dev.tune.search.Searcher;
import dev.tune.search.Suggestion;
import dev.tune.space.Domain;
import dev.tune.space.Grid;
import dev.tune.space.SampleFrom;
import dev.tune.space.Space;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * NSGA-II, as Optuna's {@code NSGAIISampler} with its defaults: generations of 50; the first drawn
 * at random; each later one bred from the parents, the elite ({@link Elite}) of the previous
 * parents and the previous generation's completed trials. A child is, with probability 0.9, a
 * uniform crossover of two parents picked by binary tournaments (each hyperparameter from either
 * parent, with probability 0.5), else a copy of a random parent; then each hyperparameter is drawn
 * afresh from its domain with probability 1 / (number of hyperparameters). A generation is complete
 * once 50 of its trials completed: failed trials, and trials a scheduler cut, do not count, and
 * trials still running when the next generation starts stay in their own (as in Optuna). With
 * constraints, domination is Deb's constrained domination ({@link Member#dominates}).
 */
public final class NsgaIISearch implements Searcher {

    static final int POPULATION = 50;
    static final double CROSSOVER = 0.9;
    static final double SWAPPING = 0.5;

    private Space space;
    private Objective objective;
    private List<String> metrics;
    private double[] signs;
    private long seed;
    private long samples;
    private long suggested;
    private final Map<String, Member> running = new HashMap<>();
    private final List<List<Member>> completed = new ArrayList<>();
    private final List<List<Member>> parents = new ArrayList<>();

    @Override
    public void start(SearchProblem problem) {
        space = problem.space();
        objective = problem.objective();
        metrics = objective.metrics();
        signs = new double[metrics.size()];
        for (int k = 0; k < signs.length; k++) {
            signs[k] = problem.objective().modes().get(k) == Mode.MAX ? -1 : 1;
        }
        seed = problem.seed();
        samples = problem.limit();
        suggested = 0;
        running.clear();
        completed.clear();
        parents.clear();
    }

    @Override
    public Suggestion suggest(String trialId) {
        return suggest(trialId, (int) suggested + 1);
    }

    /** Draws from {@code number}, the trial's own random stream. */
    @Override
    public Suggestion suggest(String trialId, int number) {
        if (space == null) {
            throw new IllegalStateException("NsgaIISearch.start(problem) must be called before suggest");
        }
        if (suggested >= samples) {
            return Suggestion.finished();
        }
        suggested++;
        SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * number));
        int generation = generation();
        Map<String, Object> inherited = generation == 0 ? new LinkedHashMap<>() : child(parents(generation), random);
        for (Map.Entry<String, Domain> entry : space.domains().entrySet()) {
            if (entry.getValue() instanceof Grid grid && !inherited.containsKey(entry.getKey())) {
                inherited.put(entry.getKey(), grid.values().get(random.nextInt(grid.values().size())));
            }
        }
        Config config = space.sample(random, inherited);
        running.put(trialId, new Member(trialId, number, generation, config, null, 0));
        return Suggestion.of(config);
    }

    /** Another worker's trial runs: it joins the generation that is filling, as one of this worker's would. */
    @Override
    public void onTrialAdded(Trial trial) {
        suggested++;
        running.put(trial.id(), new Member(trial.id(), trial.number(), generation(), trial.config(), null, 0));
    }

    /** The generation a new trial joins: the first that has not yet completed a population. */
    private int generation() {
        int g = 0;
        while (g < completed.size() && completed.get(g).size() >= POPULATION) {
            g++;
        }
        return g;
    }

    /** The parents of generation {@code g >= 1}: the elite of generation g-1's parents and its completed trials. */
    private List<Member> parents(int g) {
        while (parents.size() < g) {
            int from = parents.size(); // computing the parents of generation from + 1
            List<Member> pool = new ArrayList<>(from == 0 ? List.of() : parents.get(from - 1));
            pool.addAll(completed.get(from));
            parents.add(Elite.select(pool, POPULATION,
                    new SplittableRandom(seed ^ (0xC2B2AE3D27D4EB4FL * (from + 1)))));
        }
        return parents.get(g - 1);
    }

    private Map<String, Object> child(List<Member> population, SplittableRandom random) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (population.isEmpty()) {
            return values;
        }
        if (population.size() >= 2 && random.nextDouble() < CROSSOVER) {
            List<Member> pool = new ArrayList<>(population);
            Member first = tournament(pool, random);
            pool.remove(first);
            Member second = tournament(pool, random);
            for (String name : space.domains().keySet()) {
                Member from = random.nextDouble() < SWAPPING ? second : first;
                Object value = from.config().has(name) ? from.config().get(name) : null;
                if (value != null) {
                    values.put(name, value);
                }
            }
        } else {
            Member parent = population.get(random.nextInt(population.size()));
            for (String name : space.domains().keySet()) {
                if (parent.config().has(name) && parent.config().get(name) != null) {
                    values.put(name, parent.config().get(name));
                }
            }
        }
        long mutable = space.domains().values().stream().filter(d -> !(d instanceof SampleFrom)).count();
        double mutation = 1.0 / Math.max(1, mutable);
        values.keySet().removeIf(name -> random.nextDouble() < mutation); // drawn afresh by the space
        return values;
    }

    /** Binary tournament: two members at random, the one that dominates, else either. */
    private static Member tournament(List<Member> pool, SplittableRandom random) {
        if (pool.size() == 1) {
            return pool.get(0);
        }
        int a = random.nextInt(pool.size());
        int b = random.nextInt(pool.size() - 1);
        if (b >= a) {
            b++;
        }
        Member x = pool.get(a);
        Member y = pool.get(b);
        if (x.dominates(y)) {
            return x;
        }
        if (y.dominates(x)) {
            return y;
        }
        return random.nextBoolean() ? x : y;
    }

    /** False: a generation learns from its completed trials only. */
    @Override
    public boolean readsResults() {
        return false;
    }

    /** False: a trial of a generation told before it ended is ignored. */
    @Override
    public boolean suggestsAhead() {
        return false;
    }

    @Override
    public void onTrialComplete(Trial trial) {
        Member member = running.remove(trial.id());
        if (member == null || trial.status() == TrialStatus.ERROR || trial.lastResult().isEmpty()
                || trial.termination().filter(t -> t == Termination.EARLY_STOPPED || t == Termination.CANCELLED)
                        .isPresent()) {
            return;
        }
        double[] costs = new double[metrics.size()];
        for (int k = 0; k < costs.length; k++) {
            Double value = trial.lastResult().get().metrics().get(metrics.get(k));
            if (value == null || !Double.isFinite(value)) {
                return;
            }
            costs[k] = signs[k] * value;
        }
        while (completed.size() <= member.generation()) {
            completed.add(new ArrayList<>());
        }
        completed.get(member.generation()).add(new Member(member.id(), member.number(), member.generation(),
                trial.config(), costs, objective.violation(trial.lastResult().get().metrics())));
    }

    /** {@code NSGA-II (generations of 50 trials, the first drawn at random, each later one bred ...)}. */
    @Override
    public String describe() {
        return "NSGA-II (generations of " + POPULATION + " trials, the first drawn at random, each later one bred"
                + " by crossover and mutation)";
    }

    @Override
    public String toString() {
        return "NsgaIISearch(population=" + POPULATION + ")";
    }
}
