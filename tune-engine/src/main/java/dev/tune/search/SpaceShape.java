package dev.tune.search;

import dev.tune.space.Categorical;
import dev.tune.space.Conditional;
import dev.tune.space.Domain;
import dev.tune.space.FloatDomain;
import dev.tune.space.Grid;
import dev.tune.space.IntDomain;
import dev.tune.space.NormalDomain;
import dev.tune.space.Space;

/**
 * What {@link AutoSearch}'s rule reads of a space: how many of its hyperparameters are numbers with
 * more than one value, choices and grids, and how many of them are conditional (present in some
 * configs only). Constants and computed values count in none.
 */
record SpaceShape(int numbers, int choices, int grids, int conditions) {

    static SpaceShape of(Space space) {
        int numbers = 0;
        int choices = 0;
        int grids = 0;
        int conditions = 0;
        for (Domain declared : space.domains().values()) {
            Domain domain = declared instanceof Conditional c ? c.base() : declared;
            conditions += declared instanceof Conditional ? 1 : 0;
            if (domain instanceof Grid) {
                grids++;
            } else if (domain instanceof FloatDomain || domain instanceof NormalDomain
                    || domain instanceof IntDomain i && i.size() > 1) {
                numbers++;
            } else if (domain instanceof Categorical) {
                choices++;
            }
        }
        return new SpaceShape(numbers, choices, grids, conditions);
    }

    /** The hyperparameters a model would search: numbers and choices. */
    int modelled() {
        return numbers + choices;
    }

    /** The hyperparameters that vary from trial to trial: numbers, choices and grids. */
    int varying() {
        return numbers + choices + grids;
    }

    /** Choices or conditional hyperparameters beside others: TPE then models them jointly, in groups. */
    boolean mixed() {
        return (choices > 0 || conditions > 0) && modelled() > 1;
    }
}
