package dev.tune.search.tpe;

import dev.tune.Config;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What TPE has seen: every finished trial with its value (lower is better) and every running one,
 * and how it splits them into the good ("below") and the rest ("above"), as Optuna does: completed
 * trials ranked by value, then early-stopped ones (those that ran longer first, then by value); the
 * best {@code gamma(n) = min(ceil(n / 10), 25)} are below. Running trials join the rest as if they
 * were the worst (the constant liar), so parallel suggestions spread out.
 */
final class History {

    /**
     * One trial as TPE knows it; {@code pruned} when a scheduler stopped it early. With several
     * objectives, {@code costs} holds each (lower is better) and {@code value} the first. {@code point}
     * is the config on TPE's axes, worked out once when the trial is first seen (NaN where the
     * config has no value), or null when the estimator is to read the config itself.
     */
    record Seen(String id, int number, Config config, double value, boolean pruned, long iterations, double[] costs,
            double violation, double[] point) {
        Seen(String id, int number, Config config, double value, boolean pruned, long iterations) {
            this(id, number, config, value, pruned, iterations, new double[] {value}, 0, null);
        }

        Seen(String id, int number, Config config, double value, boolean pruned, long iterations, double[] costs) {
            this(id, number, config, value, pruned, iterations, costs, 0, null);
        }

        Seen(String id, int number, Config config, double value, boolean pruned, long iterations, double[] costs,
                double violation) {
            this(id, number, config, value, pruned, iterations, costs, violation, null);
        }

        /** The same trial with {@code value} at {@code budget} iterations, as BOHB's rule compares it. */
        Seen atBudget(double value, long budget) {
            return new Seen(id, number, config, value, false, budget, new double[] {value}, 0, point);
        }
    }

    /** Completed (first by value) before early-stopped (the longest first, then by value). */
    private static final Comparator<Seen> RANK = (a, b) -> {
        int c = Boolean.compare(a.pruned(), b.pruned());
        if (c == 0 && a.pruned()) {
            c = Long.compare(b.iterations(), a.iterations());
        }
        return c != 0 ? c : Double.compare(a.value(), b.value());
    };
    private static final Comparator<Seen> BY_NUMBER = (a, b) -> Integer.compare(a.number(), b.number());
    private static final Comparator<Seen> BY_VIOLATION = (a, b) -> Double.compare(a.violation(), b.violation());

    /** Finished trials in the order they ended. */
    private final List<Seen> finished = new ArrayList<>();
    /**
     * The same kept in the orders a split reads, updated as each trial ends rather than sorted at
     * every suggestion: feasible ones by {@link #RANK}, infeasible ones by violation, all by number.
     */
    private final List<Seen> ranked = new ArrayList<>();
    private final List<Seen> infeasible = new ArrayList<>();
    private final List<Seen> byNumber = new ArrayList<>();
    private final Map<String, Seen> running = new LinkedHashMap<>();
    private final Budgets budgets = new Budgets();
    private boolean anyPruned;

    void started(String trialId, int number, Config config, double[] point) {
        running.put(trialId, new Seen(trialId, number, config, Double.NaN, false, 0, new double[] {Double.NaN}, 0,
                point));
    }

    /** An intermediate value (lower is better) of a running trial. */
    void reported(String trialId, long iteration, double value) {
        if (running.containsKey(trialId) && !Double.isNaN(value)) {
            budgets.reported(trialId, iteration, value);
        }
    }

    /** A finished trial; {@code value} NaN for a failed one, which is forgotten (as Optuna forgets failures). */
    void finished(String trialId, Seen seen) {
        running.remove(trialId);
        if (!Double.isNaN(seen.value())) {
            finished.add(seen);
            insert(seen.violation() > 0 ? infeasible : ranked, seen, seen.violation() > 0 ? BY_VIOLATION : RANK);
            insert(byNumber, seen, BY_NUMBER);
            anyPruned |= seen.pruned();
        } else {
            budgets.forget(trialId);
        }
    }

    int finishedCount() {
        return finished.size();
    }

    /**
     * The good trials and the rest, each in trial-number order (weights grow with recency). With
     * {@code atBudgets}, once a scheduler has stopped trials early, BOHB's rule applies when it can:
     * the trials are compared at the largest budget that {@code minPoints} of them reached
     * ({@link Budgets}).
     */
    List<List<Seen>> split(boolean constantLiar, int minPoints, boolean atBudgets) {
        return split(constantLiar, minPoints, atBudgets, List.of());
    }

    /** The completed (not early-stopped, not failed) trials. */
    List<Seen> completed() {
        return finished.stream().filter(s -> !s.pruned()).toList();
    }

    /**
     * The split, with {@code borrowed} finished trials (another bracket's completed ones) counted as this
     * history's.
     */
    List<List<Seen>> split(boolean constantLiar, int minPoints, boolean atBudgets, List<Seen> borrowed) {
        List<Seen> finished = this.finished;
        if (!borrowed.isEmpty()) {
            finished = new ArrayList<>(this.finished);
            finished.addAll(borrowed);
        }
        if (atBudgets && anyPruned) {
            List<List<Seen>> atBudget = budgets.split(finished, running.values(), minPoints, constantLiar);
            if (atBudget != null) {
                return atBudget;
            }
        }
        List<Seen> ranked = this.ranked;
        List<Seen> infeasible = this.infeasible;
        List<Seen> byNumber = this.byNumber;
        if (!borrowed.isEmpty()) { // in the same orders as if they had ended here, after this history's own
            ranked = new ArrayList<>(finished.stream().filter(s -> !(s.violation() > 0)).toList());
            ranked.sort(RANK);
            infeasible = new ArrayList<>(finished.stream().filter(s -> s.violation() > 0).toList());
            infeasible.sort(BY_VIOLATION);
            byNumber = new ArrayList<>(finished);
            byNumber.sort(BY_NUMBER);
        }
        int below = gamma(finished.size());
        List<Seen> good;
        if (!ranked.isEmpty() && ranked.get(0).costs().length > 1) {
            // several objectives: completed trials by rank and hypervolume, then the pruned ones, as Optuna
            List<Seen> complete = ranked.stream().filter(s -> !s.pruned()).toList();
            good = new ArrayList<>(MultiObjective.below(complete, Math.min(below, complete.size())));
            for (Seen pruned : ranked.subList(complete.size(), ranked.size())) {
                if (good.size() < below) {
                    good.add(pruned);
                }
            }
        } else {
            good = new ArrayList<>(ranked.subList(0, Math.min(below, ranked.size())));
        }
        // infeasible trials (a constraint above 0) come last, the smallest violation first, as in Optuna
        for (int i = 0; i < infeasible.size() && good.size() < below; i++) {
            good.add(infeasible.get(i));
        }
        good.sort(BY_NUMBER);
        List<Seen> rest = new ArrayList<>(byNumber.size() + (constantLiar ? running.size() : 0));
        int g = 0; // good is a part of byNumber, both in number order: one walk leaves it out
        for (Seen seen : byNumber) {
            if (g < good.size() && good.get(g) == seen) {
                g++;
            } else {
                rest.add(seen);
            }
        }
        if (constantLiar) {
            rest.addAll(running.values());
            rest.sort(BY_NUMBER); // two runs, mostly: one merge
        }
        return List.of(good, rest);
    }

    /** Adds {@code seen} to {@code sorted} after every element that ties with it, as a stable sort would. */
    private static void insert(List<Seen> sorted, Seen seen, Comparator<Seen> order) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (order.compare(sorted.get(middle), seen) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        sorted.add(low, seen);
    }

    static int gamma(int n) {
        return Math.min((int) Math.ceil(0.1 * n), 25);
    }

    /** Optuna's default weights: equal for the 25 most recent, a ramp from 1/n up for older ones. */
    static double[] weights(int n) {
        double[] w = new double[n];
        if (n < 25) {
            Arrays.fill(w, 1.0);
            return w;
        }
        int ramp = n - 25;
        for (int i = 0; i < ramp; i++) {
            w[i] = ramp == 1 ? 1.0 / n : 1.0 / n + (1.0 - 1.0 / n) * i / (ramp - 1);
        }
        for (int i = ramp; i < n; i++) {
            w[i] = 1.0;
        }
        return w;
    }
}
