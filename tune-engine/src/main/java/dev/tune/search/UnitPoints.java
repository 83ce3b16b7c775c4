package dev.tune.search;

import dev.tune.space.Categorical;
import dev.tune.space.Conditional;
import dev.tune.space.Domain;
import dev.tune.space.FloatDomain;
import dev.tune.space.Grid;
import dev.tune.space.IntDomain;
import dev.tune.space.Space;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a point of the unit cube into hyperparameter values, one coordinate per uniform, log,
 * integer, choice or grid hyperparameter of a space (on each domain's own scale), so quasi-random
 * points become configs. Normal, constant and computed hyperparameters have no coordinate: the
 * space samples or computes them.
 */
public final class UnitPoints {

    private final List<String> names = new ArrayList<>();
    private final List<Domain> domains = new ArrayList<>();

    public UnitPoints(Space space) {
        space.domains().forEach((name, declared) -> {
            Domain domain = declared instanceof Conditional c ? c.base() : declared;
            if (domain instanceof FloatDomain || domain instanceof IntDomain || domain instanceof Categorical
                    || domain instanceof Grid) {
                names.add(name);
                domains.add(domain);
            }
        });
    }

    /** How many coordinates a point needs. */
    public int dimensions() {
        return names.size();
    }

    /** The values at point {@code u}, by hyperparameter name. */
    public Map<String, Object> values(double[] u) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), value(domains.get(i), u[i]));
        }
        return values;
    }

    private static Object value(Domain domain, double u) {
        if (domain instanceof FloatDomain f) {
            return f.fromUnit(u);
        }
        if (domain instanceof IntDomain i) {
            return i.fromUnit(u);
        }
        List<Object> choices = domain instanceof Categorical c ? c.values() : ((Grid) domain).values();
        return choices.get(Math.min(choices.size() - 1, (int) (u * choices.size())));
    }
}
