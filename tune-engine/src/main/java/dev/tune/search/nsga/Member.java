package dev.tune.search.nsga;

import dev.tune.Config;
import dev.tune.result.Dominance;

/**
 * One trial of NSGA-II's population: its generation, its config, its objectives (lower is better)
 * and how far it is from feasible (0 when it meets every constraint).
 */
record Member(String id, int number, int generation, Config config, double[] costs, double violation) {

    /**
     * Constrained domination (Deb's rule, as Optuna's with {@code constraints_func}): a feasible
     * member beats an infeasible one, of two infeasible ones the smaller violation wins, and two
     * feasible ones compare by Pareto dominance.
     */
    boolean dominates(Member other) {
        boolean feasible = violation <= 0;
        boolean otherFeasible = other.violation <= 0;
        if (feasible != otherFeasible) {
            return feasible;
        }
        if (!feasible) {
            return violation < other.violation;
        }
        return Dominance.dominates(costs, other.costs);
    }
}
