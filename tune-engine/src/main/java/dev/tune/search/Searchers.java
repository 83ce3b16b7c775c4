package dev.tune.search;

import dev.tune.search.cmaes.CmaEsSearch;
import dev.tune.search.gp.GpSearch;
import dev.tune.search.nsga.NsgaIISearch;
import dev.tune.search.tpe.BohbSearch;
import dev.tune.search.tpe.TpeSearch;
import dev.tune.search.tpe.TpeSettings;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Finds a searcher by the name a user writes in an annotation, a property or a command line:
 * {@code random} ({@link RandomSearch}), {@code grid} ({@link GridSearch}), {@code tpe} and
 * {@code tpe_multivariate} ({@link TpeSearch}), {@code cmaes}
 * ({@link CmaEsSearch}), {@code bohb} ({@link BohbSearch}),
 * {@code nsga2} ({@link NsgaIISearch}), {@code gp} ({@link GpSearch}),
 * {@code auto} ({@link AutoSearch}), in any case. A searcher of the user's, named by its class in
 * {@code tune.searcher}, is built by the runner with the experiment's options.
 */
public final class Searchers {

    private static final Map<String, Supplier<Searcher>> KNOWN = Map.of(
            "random", RandomSearch::new,
            "grid", GridSearch::new,
            "tpe", TpeSearch::new,
            "tpe_multivariate", () -> new TpeSearch(
                    TpeSettings.DEFAULTS.multivariate(true)),
            "cmaes", CmaEsSearch::new,
            "bohb", BohbSearch::new,
            "nsga2", NsgaIISearch::new,
            "gp", GpSearch::new,
            "auto", AutoSearch::new);

    private Searchers() {
    }

    /** True when {@code name} is one of the searchers' own names (any case), not a class name. */
    public static boolean knows(String name) {
        return name != null && KNOWN.containsKey(name.trim().toLowerCase(Locale.ROOT));
    }

    /** A new searcher named {@code name}; throws {@link IllegalArgumentException} saying what names work. */
    public static Searcher byName(String name) {
        if (name == null || name.isBlank()) {
            throw unknown(name);
        }
        Supplier<Searcher> known = KNOWN.get(name.trim().toLowerCase(Locale.ROOT));
        if (known == null) {
            throw unknown(name);
        }
        return known.get();
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown searcher '" + name + "'"
                + ": use one of [auto, random, grid, tpe, tpe_multivariate, cmaes, bohb, nsga2, gp] (any case),"
                + " or, in tune.searcher, the fully qualified name of a class that implements "
                + Searcher.class.getName() + ", e.g. com.example.MySearcher");
    }
}
