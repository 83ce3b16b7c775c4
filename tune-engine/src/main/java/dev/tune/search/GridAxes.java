package dev.tune.search;

import dev.tune.space.Grid;
import dev.tune.space.Space;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cross product of a space's {@link Grid} hyperparameters, addressed by index: combination 0
 * takes every grid's first value, and the last declared grid varies fastest.
 */
final class GridAxes {

    private final List<String> names;
    private final List<List<Object>> values;
    private final long size;

    GridAxes(Space space) {
        this.names = space.gridNames();
        this.values = new ArrayList<>(names.size());
        long product = 1;
        for (String name : names) {
            List<Object> axis = ((Grid) space.domains().get(name)).values();
            values.add(axis);
            try {
                product = Math.multiplyExact(product, axis.size());
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("the grid over " + names + " has more than "
                        + Long.MAX_VALUE + " combinations", e);
            }
        }
        this.size = product;
    }

    /** How many combinations there are: 1 when there is no grid. */
    long size() {
        return size;
    }

    /** The grid values of combination {@code index}, in {@code [0, size())}. */
    Map<String, Object> combination(long index) {
        Map<String, Object> combination = new LinkedHashMap<>(names.size() * 2);
        long rest = index;
        for (int i = names.size() - 1; i >= 0; i--) {
            List<Object> axis = values.get(i);
            combination.put(names.get(i), axis.get((int) (rest % axis.size())));
            rest /= axis.size();
        }
        return combination;
    }
}
