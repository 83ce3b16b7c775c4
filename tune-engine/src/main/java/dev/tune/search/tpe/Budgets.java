package dev.tune.search.tpe;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * BOHB's model for multi-fidelity experiments (HyperBand, ASHA, the median rule): values reached
 * after different numbers of iterations are not comparable, so TPE compares trials at one budget,
 * the largest number of iterations that at least {@code minPoints} trials (finished, running or
 * paused) have reached, each with its value there. Trials that never got that far are left out;
 * running trials with no value yet are the constant liar's, as usual.
 */
final class Budgets {

    private final Map<String, NavigableMap<Long, Double>> curves = new HashMap<>();

    void reported(String trialId, long iteration, double value) {
        curves.computeIfAbsent(trialId, id -> new TreeMap<>()).put(iteration, value);
    }

    void forget(String trialId) {
        curves.remove(trialId);
    }

    /** The split at the largest budget {@code minPoints} trials reached, or null when none did. */
    List<List<History.Seen>> split(List<History.Seen> finished, Collection<History.Seen> running, int minPoints,
            boolean constantLiar) {
        List<History.Seen> all = new ArrayList<>(finished);
        all.addAll(running);
        Map<Long, Integer> reached = new HashMap<>();
        for (History.Seen seen : all) {
            NavigableMap<Long, Double> curve = curves.get(seen.id());
            if (curve != null) {
                for (Long iteration : curve.keySet()) {
                    reached.merge(iteration, 1, Integer::sum);
                }
            }
        }
        long budget = -1;
        for (Map.Entry<Long, Integer> entry : reached.entrySet()) {
            if (entry.getValue() >= Math.max(2, minPoints) && entry.getKey() > budget) {
                budget = entry.getKey();
            }
        }
        if (budget < 0) {
            return null;
        }
        List<History.Seen> ranked = new ArrayList<>();
        List<History.Seen> unknown = new ArrayList<>();
        for (History.Seen seen : all) {
            NavigableMap<Long, Double> curve = curves.get(seen.id());
            Double value = curve == null ? null : curve.get(budget);
            if (value != null) {
                ranked.add(seen.atBudget(value, budget));
            } else if (curve == null && running.contains(seen)) {
                unknown.add(seen);
            }
        }
        ranked.sort(Comparator.comparingDouble(History.Seen::value));
        int below = History.gamma(ranked.size());
        List<History.Seen> good = new ArrayList<>(ranked.subList(0, below));
        List<History.Seen> rest = new ArrayList<>(ranked.subList(below, ranked.size()));
        if (constantLiar) {
            rest.addAll(unknown);
        }
        good.sort(Comparator.comparingInt(History.Seen::number));
        rest.sort(Comparator.comparingInt(History.Seen::number));
        return List.of(good, rest);
    }
}
