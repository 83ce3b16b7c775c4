package dev.tune.trainable;

import dev.tune.Stop;
import dev.tune.Trainable;
import dev.tune.options.ByClass;
import dev.tune.options.Callback;
import dev.tune.options.Option;
import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.result.ObjectiveFunction;
import dev.tune.search.Searchers;
import dev.tune.stop.Stopper;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The classes an experiment's annotations name (callbacks, stoppers, an objective, trial name
 * creators), checked when the class is read: each must be a public concrete class of the right
 * kind with a public constructor that takes the experiment's options, or none ({@link ByClass}).
 * They go into the options by name, as {@code -Dtune.callbacks} would give them, and are built
 * when the experiment runs.
 */
final class AnnotationClasses {

    private AnnotationClasses() {
    }

    static void read(Trainable t, Stop stop, Class<?> type, String member, TuneOptions.Builder options) {
        List<String> callbacks = names(t.callbacks(), Callback.class, "callbacks", Trainable.class, type, member);
        if (!callbacks.isEmpty()) {
            options.set(TuneOption.CALLBACK_CLASSES, callbacks);
        }
        one(t.objective(), ObjectiveFunction.class, "objective", TuneOption.OBJECTIVE_CLASS, type, member, options);
        one(t.trialNameCreator(), Function.class, "trialNameCreator", TuneOption.TRIAL_NAME_CREATOR_CLASS, type,
                member, options);
        one(t.trialDirnameCreator(), Function.class, "trialDirnameCreator", TuneOption.TRIAL_DIRNAME_CREATOR_CLASS,
                type, member, options);
        List<String> stoppers = stop == null ? List.of()
                : names(stop.stoppers(), Stopper.class, "stoppers", Stop.class, type, member);
        if (!stoppers.isEmpty()) {
            options.set(TuneOption.STOPPER_CLASSES, stoppers);
        }
    }

    /**
     * When {@code spec} is a class name (dotted, no parameters, not one of tune's own names), checks
     * that it names a {@code kind} tune can build and returns true; false for tune's own names.
     */
    static boolean checkNamed(String spec, Class<?> kind, String attribute, Class<?> type, String member) {
        String name = spec.trim();
        if (!ByClass.isClassName(name) || Searchers.knows(name)) {
            return false;
        }
        Class<?> named;
        try {
            named = ByClass.load(name, kind, attribute);
        } catch (IllegalArgumentException e) {
            throw new InvalidTrainableException(type, member, Trainable.class, e.getMessage(),
                    "name a class on the class path by its fully qualified name (a nested class as Outer$Inner)");
        }
        check(named, kind, attribute, Trainable.class, type, member);
        return true;
    }

    private static void one(Class<?> named, Class<?> kind, String attribute, Option<String> option, Class<?> type,
            String member, TuneOptions.Builder options) {
        if (named != Void.class) {
            check(named, kind, attribute, Trainable.class, type, member);
            options.set(option, named.getName());
        }
    }

    private static List<String> names(Class<?>[] named, Class<?> kind, String attribute,
            Class<? extends Annotation> annotation, Class<?> type, String member) {
        List<String> names = new ArrayList<>();
        for (Class<?> each : named) {
            check(each, kind, attribute, annotation, type, member);
            names.add(each.getName());
        }
        return List.copyOf(names);
    }

    private static void check(Class<?> named, Class<?> kind, String attribute,
            Class<? extends Annotation> annotation, Class<?> type, String member) {
        ByClass.problem(named, kind).ifPresent(problem -> {
            throw new InvalidTrainableException(type, member, annotation, attribute + " names " + problem,
                    "name a public class that implements " + kind.getName() + ", with a public constructor that takes"
                            + " TuneOptions or none");
        });
    }
}
