package dev.tune.store.postgres;

import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.result.ExperimentResult;
import dev.tune.run.Tuner;
import dev.tune.store.postgres.examples.SharedModel;

/**
 * One worker process for the multi-JVM tests: {@code WorkerMain <method> <name>} runs
 * {@link SharedModel}'s method (or its class trainable of that name) as experiment {@code name} against the database in
 * {@code tune.storage} (system properties carry the rest), then prints {@code TOTAL <n>}.
 */
public final class WorkerMain {

    private WorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        TuneOptions options = TuneOptions.builder().set(TuneOption.NAME, args[1]).verbose(0).build();
        Class<?> model = java.util.Arrays.stream(SharedModel.class.getClasses())
                .filter(c -> c.getSimpleName().equals(args[0])).findFirst().orElse(null);
        ExperimentResult result = model != null ? Tuner.run(model, options)
                : Tuner.run(SharedModel.class.getMethod(args[0], double.class, double.class,
                        dev.tune.TrialContext.class), options);
        System.out.println("TOTAL " + result.trials().size());
    }
}
