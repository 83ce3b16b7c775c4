package dev.tune.run;

import dev.tune.options.ByClass;
import dev.tune.options.Callback;
import dev.tune.options.Option;
import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.result.ObjectiveFunction;
import dev.tune.result.Trial;
import dev.tune.schedule.Scheduler;
import dev.tune.schedule.Schedulers;
import dev.tune.search.Searcher;
import dev.tune.search.Searchers;
import dev.tune.stop.Stopper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the options give by class and by instance, together, for one run: stoppers and callbacks
 * set in code come first, then those named by class ({@link ByClass}), each built with the run's
 * options; an objective or trial name creator set in code wins over one named by class.
 */
final class ClassOptions {

    private ClassOptions() {
    }

    /**
     * The searcher {@code name} names: one of tune's, else a class (a dotted name), built with the
     * options; anything else is an unknown name, and the error lists the known ones.
     */
    static Searcher searcher(String name, TuneOptions options) {
        return !Searchers.knows(name) && ByClass.isClassName(name)
                ? ByClass.create(name, Searcher.class, TuneOption.SEARCHER.key(), options) : Searchers.byName(name);
    }

    /** The scheduler {@code spec} names: one of tune's with its parameters, else a class (a dotted name). */
    static Scheduler scheduler(String spec, TuneOptions options) {
        String text = spec.trim();
        return ByClass.isClassName(text)
                ? ByClass.create(text, Scheduler.class, TuneOption.SCHEDULER.key(), options) : Schedulers.parse(text);
    }

    static List<Stopper> stoppers(TuneOptions options) {
        return both(options, TuneOption.STOPPERS, TuneOption.STOPPER_CLASSES, Stopper.class);
    }

    static List<Callback> callbacks(TuneOptions options) {
        return both(options, TuneOption.CALLBACKS, TuneOption.CALLBACK_CLASSES, Callback.class);
    }

    static Optional<ObjectiveFunction> objective(TuneOptions options) {
        return options.get(TuneOption.OBJECTIVE).or(() -> options.get(TuneOption.OBJECTIVE_CLASS)
                .map(name -> ByClass.create(name, ObjectiveFunction.class, TuneOption.OBJECTIVE_CLASS.key(), options)));
    }

    static Optional<Function<Trial, String>> trialNameCreator(TuneOptions options) {
        return creator(options, TuneOption.TRIAL_NAME_CREATOR, TuneOption.TRIAL_NAME_CREATOR_CLASS);
    }

    static Optional<Function<Trial, String>> trialDirnameCreator(TuneOptions options) {
        return creator(options, TuneOption.TRIAL_DIRNAME_CREATOR, TuneOption.TRIAL_DIRNAME_CREATOR_CLASS);
    }

    @SuppressWarnings("unchecked") // a Function named by class: what it returns is checked where it is called
    private static Optional<Function<Trial, String>> creator(TuneOptions options,
            Option<Function<Trial, String>> code, Option<String> byClass) {
        return options.get(code).or(() -> options.get(byClass)
                .map(name -> (Function<Trial, String>) ByClass.create(name, Function.class, byClass.key(), options)));
    }

    private static <T> List<T> both(TuneOptions options, Option<List<T>> code, Option<List<String>> byClass,
            Class<T> kind) {
        List<T> all = new ArrayList<>(options.get(code).orElse(List.of()));
        for (String name : options.get(byClass).orElse(List.of())) {
            all.add(ByClass.create(name, kind, byClass.key(), options));
        }
        return List.copyOf(all);
    }
}
