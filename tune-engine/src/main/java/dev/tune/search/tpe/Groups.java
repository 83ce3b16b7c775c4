package dev.tune.search.tpe;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which axes TPE models together. Univariate: each on its own. Multivariate: Optuna's group
 * decomposition, the coarsest partition in which every trial has either all or none of a group's
 * hyperparameters, so a conditional hyperparameter is modelled with the ones it occurs with.
 */
final class Groups {

    private Groups() {
    }

    static List<List<Axis>> of(List<Axis> axes, List<List<History.Seen>> split, boolean multivariate) {
        List<List<Axis>> groups = new ArrayList<>();
        if (!multivariate) {
            for (Axis axis : axes) {
                groups.add(List.of(axis));
            }
            return groups;
        }
        groups.add(new ArrayList<>(axes));
        for (List<History.Seen> part : split) {
            for (History.Seen seen : part) {
                Set<String> present = new HashSet<>(seen.config().asMap().keySet());
                List<List<Axis>> refined = new ArrayList<>();
                for (List<Axis> group : groups) {
                    List<Axis> in = new ArrayList<>();
                    List<Axis> out = new ArrayList<>();
                    for (Axis axis : group) {
                        (present.contains(axis.name) ? in : out).add(axis);
                    }
                    if (!in.isEmpty()) {
                        refined.add(in);
                    }
                    if (!out.isEmpty()) {
                        refined.add(out);
                    }
                }
                groups = refined;
            }
        }
        return groups;
    }
}
