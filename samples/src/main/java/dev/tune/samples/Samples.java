package dev.tune.samples;

import dev.tune.options.TuneOptions;
import dev.tune.result.ExperimentResult;
import dev.tune.run.Tuner;
import dev.tune.trainable.Experiment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs one sample by the name the README gives it ({@code quickstart}, the default,
 * {@code function-api}, {@code logistic-regression}, ...), or {@code all}, and prints its best
 * result. Each run uses the options its annotations give, overridden by any {@code -Dtune.*}
 * system property. The names are the experiments' own, as {@code -Dsample} and
 * {@code tune.experiments} select them.
 */
public final class Samples {

    private Samples() {
    }

    static final Map<String, Supplier<Experiment>> SAMPLES = new LinkedHashMap<>();

    static {
        SAMPLES.put("quickstart", () -> Experiment.of(TuneSample_01_Quickstart.class).get(0));
        SAMPLES.put("function-api", () -> Experiment.of(TuneSample_02_FunctionApi.class).get(0));
        SAMPLES.put("class-api", () -> Experiment.of(TuneSample_03_ClassApi.class).get(0));
        SAMPLES.put("logistic-regression", () -> Experiment.of(LogisticRegression.class).get(0));
        SAMPLES.put("early-stopping", () -> Experiment.of(TuneSample_05_EarlyStopping.class).get(0));
        SAMPLES.put("checkpoints", () -> Experiment.of(TuneSample_06_Checkpoints.class).get(0));
        SAMPLES.put("hyperband", () -> Experiment.of(TuneSample_07_HyperBand.class).get(0));
        SAMPLES.put("median-stopping", () -> Experiment.of(TuneSample_08_MedianStopping.class).get(0));
        SAMPLES.put("pbt", () -> Experiment.of(TuneSample_09_PopulationBasedTraining.class).get(0));
        SAMPLES.put("model-based-tpe", () -> experiment(TuneSample_10_ModelBasedSearch.class, "model-based-tpe"));
        SAMPLES.put("model-based-gp", () -> experiment(TuneSample_10_ModelBasedSearch.class, "model-based-gp"));
        SAMPLES.put("model-based-random",
                () -> experiment(TuneSample_10_ModelBasedSearch.class, "model-based-random"));
        SAMPLES.put("multi-objective", () -> experiment(TuneSample_11_MultiObjective.class, "multi-objective"));
        SAMPLES.put("multi-objective-nsga2",
                () -> experiment(TuneSample_11_MultiObjective.class, "multi-objective-nsga2"));
        SAMPLES.put("fault-tolerance", () -> Experiment.of(TuneSample_12_FaultTolerance.class).get(0));
    }

    /** The sample experiment the README calls {@code name}, e.g. {@code pbt}. */
    public static Experiment experiment(String name) {
        if (!SAMPLES.containsKey(name)) {
            throw new IllegalArgumentException("Unknown sample '" + name + "'; choose one of " + SAMPLES.keySet());
        }
        return SAMPLES.get(name).get();
    }

    private static Experiment experiment(Class<?> type, String name) {
        return Experiment.of(type).stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "quickstart";
        if (name.equals("all")) {
            SAMPLES.keySet().forEach(Samples::run);
            return;
        }
        if (!SAMPLES.containsKey(name)) {
            System.err.println("Unknown sample '" + name + "'; choose one of " + SAMPLES.keySet() + " or all");
            System.exit(2);
        }
        run(name);
    }

    static void run(String name) {
        ExperimentResult result = Tuner.run(SAMPLES.get(name).get(), TuneOptions.empty());
        result.bestTrial().ifPresent(best -> System.out.println("Best config of " + result.name() + ": "
                + best.config().asMap()));
        System.out.println();
    }
}
