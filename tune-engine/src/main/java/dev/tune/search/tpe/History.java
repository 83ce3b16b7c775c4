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
     * objectives, {@code costs} holds each (lower is better) and {@code value} the first.
     */
    record Seen(String id, int number, Config config, double value, boolean pruned, long iterations, double[] costs,
            double violation) {
        Seen(String id, int number, Config config, double value, boolean pruned, long iterations) {
            this(id, number, config, value, pruned, iterations, new double[] {value}, 0);
        }

        Seen(String id, int number, Config config, double value, boolean pruned, long iterations, double[] costs) {
            this(id, number, config, value, pruned, iterations, costs, 0);
        }
    }

    private final List<Seen> finished = new ArrayList<>();
    private final Map<String, Seen> running = new LinkedHashMap<>();
    private final Budgets budgets = new Budgets();
    private boolean anyPruned;

    void started(String trialId, int number, Config config) {
        running.put(trialId, new Seen(trialId, number, config, Double.NaN, false, 0));
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
        List<Seen> finished = new ArrayList<>(this.finished);
        finished.addAll(borrowed);
        if (atBudgets && anyPruned) {
            List<List<Seen>> atBudget = budgets.split(finished, running.values(), minPoints, constantLiar);
            if (atBudget != null) {
                return atBudget;
            }
        }
        // infeasible trials (a constraint above 0) come last, the smallest violation first, as in Optuna
        List<Seen> infeasible = finished.stream().filter(s -> s.violation() > 0)
                .sorted(Comparator.comparingDouble(Seen::violation)).toList();
        List<Seen> ranked = new ArrayList<>(finished.stream().filter(s -> !(s.violation() > 0)).toList());
        int below = gamma(finished.size());
        ranked.sort(Comparator.comparing(Seen::pruned)
                .thenComparingLong(s -> s.pruned() ? -s.iterations() : 0)
                .thenComparingDouble(Seen::value));
        List<Seen> good;
        List<Seen> rest;
        if (!ranked.isEmpty() && ranked.get(0).costs().length > 1) {
            // several objectives: completed trials by rank and hypervolume, then the pruned ones, as Optuna
            List<Seen> complete = ranked.stream().filter(s -> !s.pruned()).toList();
            good = new ArrayList<>(MultiObjective.below(complete, Math.min(below, complete.size())));
            for (Seen pruned : ranked.subList(complete.size(), ranked.size())) {
                if (good.size() < below) {
                    good.add(pruned);
                }
            }
            rest = new ArrayList<>(ranked);
            rest.removeAll(good);
        } else {
            good = new ArrayList<>(ranked.subList(0, Math.min(below, ranked.size())));
            rest = new ArrayList<>(ranked.subList(Math.min(below, ranked.size()), ranked.size()));
        }
        for (Seen seen : infeasible) {
            (good.size() < below ? good : rest).add(seen);
        }
        if (constantLiar) {
            rest.addAll(running.values());
        }
        good.sort(Comparator.comparingInt(Seen::number));
        rest.sort(Comparator.comparingInt(Seen::number));
        return List.of(good, rest);
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
