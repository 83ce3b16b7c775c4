package dev.tune.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One bracket of synchronous HyperBand: its trials, the milestone they run to, and the values of
 * those that paused there. Successive halving happens when every live trial has paused.
 */
final class SyncBracket {

    private final int capacity;
    private final Set<String> live = new LinkedHashSet<>();
    private final Map<String, Double> reached = new LinkedHashMap<>();
    private int added;
    private double milestone;
    /**
     * How many trials the current rung holds by design: the capacity, then divided by eta and rounded up at each
     * rung.
     */
    private int rungSize;

    /** HyperBand's {@code s}: the bracket's index, from the most aggressive ({@code sMax}) to 0. */
    final int s;

    SyncBracket(int s, int capacity, double milestone) {
        this.s = s;
        this.capacity = capacity;
        this.milestone = milestone;
        this.rungSize = capacity;
    }

    boolean isFull() {
        return added >= capacity;
    }

    double milestone() {
        return milestone;
    }

    void add(String trialId) {
        live.add(trialId);
        added++;
    }

    void reached(String trialId, double value) {
        reached.put(trialId, Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value);
    }

    void ended(String trialId) {
        live.remove(trialId);
        reached.remove(trialId);
    }

    /**
     * When the rung is complete (the bracket is full, or nothing else will arrive, and every live
     * trial paused at the milestone): the best {@code ceil(n / eta)} continue, where {@code n} is
     * the rung's size by design (the bracket's capacity at its first rung, or the trials it got
     * when it never filled), the rest stop. Ray's rule: with 9 trials and eta 3, 3 continue; with
     * 34, 12.
     */
    void decide(boolean quiet, double eta, double maxT, Map<String, Decision> decisions) {
        if (reached.isEmpty() || !(isFull() || quiet) || !reached.keySet().containsAll(live)) {
            return;
        }
        List<String> ranked = new ArrayList<>(reached.keySet());
        ranked.sort(Comparator.comparingDouble((String id) -> reached.get(id)).reversed());
        rungSize = (int) Math.ceil(Math.min(rungSize, added) / eta); // a bracket that never filled: the trials it got
        int keep = Math.max(1, Math.min(rungSize, ranked.size()));
        for (int i = 0; i < ranked.size(); i++) {
            if (i < keep) {
                decisions.put(ranked.get(i), Decision.CONTINUE);
            } else {
                decisions.put(ranked.get(i), Decision.STOP);
                live.remove(ranked.get(i));
            }
        }
        reached.clear();
        milestone = Math.min(maxT, milestone * eta);
    }
}
