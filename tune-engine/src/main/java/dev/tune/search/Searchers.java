package dev.tune.search;

import dev.tune.search.cmaes.CmaEsSearch;
import dev.tune.search.gp.GpSearch;
import dev.tune.search.nsga.NsgaIISearch;
import dev.tune.search.tpe.BohbSearch;
import dev.tune.search.tpe.TpeSearch;
import dev.tune.search.tpe.TpeSettings;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Finds a searcher by the name a user writes in an annotation, a property or a command line:
 * {@code random} ({@link RandomSearch}), {@code grid} ({@link GridSearch}), {@code tpe} and
 * {@code tpe_multivariate} ({@link TpeSearch}), {@code cmaes}
 * ({@link CmaEsSearch}), {@code bohb} ({@link BohbSearch}),
 * {@code nsga2} ({@link NsgaIISearch}), {@code gp} ({@link GpSearch}),
 * {@code auto} ({@link AutoSearch}), in any case, or the
 * fully qualified name of any {@link Searcher} class with a public no-argument constructor.
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
        return known != null ? known.get() : byClassName(name.trim());
    }

    private static Searcher byClassName(String className) {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw unknown(className);
        }
        if (!Searcher.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException("searcher class " + className + " is not a concrete class that"
                    + " implements " + Searcher.class.getName());
        }
        if (!Modifier.isPublic(type.getModifiers())) {
            throw new IllegalArgumentException("searcher class " + className + " must be public");
        }
        try {
            Constructor<?> constructor = type.getConstructor();
            return (Searcher) constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("searcher class " + className
                    + " needs a public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("creating searcher " + className + " failed: " + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot create searcher " + className + ": " + e, e);
        }
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Searchers.class.getClassLoader();
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown searcher '" + name + "'"
                + ": use one of [auto, random, grid, tpe, tpe_multivariate, cmaes, bohb, nsga2, gp] (any case),"
                + " or the fully qualified name of a class that implements " + Searcher.class.getName()
                + " with a public no-argument constructor,"
                + " e.g. com.example.MySearcher");
    }
}
