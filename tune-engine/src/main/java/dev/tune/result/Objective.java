package dev.tune.result;

import dev.tune.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the experiment optimises, so that "objective" is never a puzzle. One of:
 * <ul>
 *   <li><b>named metrics</b>: one metric with its {@link Mode}, or several each with its own mode
 *       (a multi-objective experiment whose result is the Pareto front);</li>
 *   <li><b>the Hugging Face Trainer's default</b>, when no metric is named: the sum of the reported
 *       metrics other than the loss and timing fields, or the loss when nothing else is reported
 *       ({@link #huggingFaceDefault(Mode)});</li>
 *   <li><b>a custom function</b> of each result's metrics ({@link #custom}).</li>
 * </ul>
 * Derived objectives (the last two) are recorded with every result as the metric
 * {@value #DERIVED_NAME}, so every {@link Scope} applies to them as to any metric.
 */
public final class Objective {

    /** The metric name under which a derived objective is recorded. */
    public static final String DERIVED_NAME = "objective";

    /** Metrics the Hugging Face default treats as the loss, the first present wins. */
    static final List<String> LOSS_NAMES = List.of("eval_loss", "loss");
    private static final Set<String> COUNTERS = Set.of("epoch", "step", "iteration", "training_iteration");
    private static final List<String> TIMING_SUFFIXES = List.of("_runtime", "_per_second", "_compilation_time");

    private enum Kind { NAMED, HUGGING_FACE, CUSTOM }

    private final Kind kind;
    private final List<String> metrics;
    private final List<Mode> modes;
    private final ObjectiveFunction function;
    private final List<String> constraints;

    private Objective(Kind kind, List<String> metrics, List<Mode> modes, ObjectiveFunction function,
            List<String> constraints) {
        this.kind = kind;
        this.metrics = List.copyOf(metrics);
        this.modes = List.copyOf(modes);
        this.function = function;
        this.constraints = List.copyOf(constraints);
    }

    private Objective(Kind kind, List<String> metrics, List<Mode> modes, ObjectiveFunction function) {
        this(kind, metrics, modes, function, List.of());
    }

    /**
     * This objective subject to constraints, as Optuna's {@code constraints_func}: each named metric
     * is a constraint value, and a trial is feasible when each is at most 0 in its last result. The
     * best trial and the Pareto front are taken among feasible trials only; searchers that know
     * constraints (TPE, NSGA-II) prefer feasible trials, then smaller violations.
     */
    public Objective withConstraints(List<String> constraintMetrics) {
        return new Objective(kind, metrics, modes, function, constraintMetrics);
    }

    /** The metrics that are constraints (feasible when each is at most 0); empty when there are none. */
    public List<String> constraints() {
        return constraints;
    }

    /**
     * How far {@code reported} (a trial's last metrics) is from feasible: the sum of the positive
     * constraint values, 0 when feasible, infinite when a constraint was not reported or is NaN.
     */
    public double violation(Map<String, Double> reported) {
        double violation = 0;
        for (String constraint : constraints) {
            Double value = reported.get(constraint);
            if (value == null || value.isNaN()) {
                return Double.POSITIVE_INFINITY;
            }
            violation += Math.max(0, value);
        }
        return violation;
    }

    /** The named metrics, each with its mode; {@code modes} empty means MIN for all. */
    public static Objective of(List<String> metrics, List<Mode> modes) {
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("name at least one metric, or use the Hugging Face default");
        }
        if (!modes.isEmpty() && modes.size() != metrics.size()) {
            throw new IllegalArgumentException("metric " + metrics + " has " + metrics.size() + " names but mode "
                    + modes + " has " + modes.size() + " entries: give one mode per metric, or none for min");
        }
        if (Set.copyOf(metrics).size() != metrics.size()) {
            throw new IllegalArgumentException("metric " + metrics + " names a metric twice");
        }
        List<Mode> filled = modes.isEmpty() ? metrics.stream().map(m -> Mode.MIN).toList() : modes;
        return new Objective(Kind.NAMED, metrics, filled, null);
    }

    /** One named metric. */
    public static Objective of(String metric, Mode mode) {
        return of(List.of(metric), List.of(mode));
    }

    /** The Hugging Face Trainer's default objective, optimised in {@code mode}. */
    public static Objective huggingFaceDefault(Mode mode) {
        return new Objective(Kind.HUGGING_FACE, List.of(DERIVED_NAME), List.of(mode), Objective::huggingFace);
    }

    /** A custom function of each result's metrics, optimised in {@code mode}. */
    public static Objective custom(ObjectiveFunction function, Mode mode) {
        return new Objective(Kind.CUSTOM, List.of(DERIVED_NAME), List.of(mode), Objects.requireNonNull(function));
    }

    public boolean isMultiObjective() {
        return metrics.size() > 1;
    }

    /** True when the objective is computed from the metrics rather than being one of them. */
    public boolean isDerived() {
        return kind != Kind.NAMED;
    }

    /** The metric names compared between trials ({@value #DERIVED_NAME} for a derived objective). */
    public List<String> metrics() {
        return metrics;
    }

    /** The direction of each of {@link #metrics()}. */
    public List<Mode> modes() {
        return modes;
    }

    /** The single metric's name; throws for a multi-objective experiment. */
    public String metric() {
        single();
        return metrics.get(0);
    }

    /** The single metric's mode; throws for a multi-objective experiment. */
    public Mode mode() {
        single();
        return modes.get(0);
    }

    /** The metrics every result must report: the named ones, or none for a derived objective. */
    public List<String> required() {
        return kind == Kind.NAMED ? metrics : List.of();
    }

    /** The derived objective's value for one result's metrics; NaN when there is nothing to compute from. */
    public double derive(Map<String, Double> reported) {
        return function.apply(reported);
    }

    /**
     * How this objective is computed, in words, e.g. {@code score (min)} or
     * {@code objective = accuracy + f1 (max, Hugging Face default)}.
     */
    public String describe(Map<String, Double> example) {
        String subject = constraints.isEmpty() ? ""
                : " subject to " + String.join(", ", constraints.stream().map(c -> c + " <= 0").toList());
        return describeObjective(example) + subject;
    }

    private String describeObjective(Map<String, Double> example) {
        switch (kind) {
            case NAMED: {
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < metrics.size(); i++) {
                    parts.add(metrics.get(i) + " (" + modes.get(i).name().toLowerCase(Locale.ROOT) + ")");
                }
                return String.join(", ", parts) + (isMultiObjective() ? ": Pareto front" : "");
            }
            case CUSTOM:
                return DERIVED_NAME + " = custom function (" + modeName() + ")";
            default:
                List<String> summed = summed(example);
                String formula = !summed.isEmpty() ? String.join(" + ", summed)
                        : loss(example) != null ? loss(example) : "nothing reported yet";
                return DERIVED_NAME + " = " + formula + " (" + modeName() + ", Hugging Face default: sum of metrics"
                        + " other than loss and timing, else the loss)";
        }
    }

    private String modeName() {
        return modes.get(0).name().toLowerCase(Locale.ROOT);
    }

    private void single() {
        if (isMultiObjective()) {
            throw new IllegalStateException("this experiment optimises " + metrics
                    + " together: ask for its Pareto front, or for one metric by name");
        }
    }

    static double huggingFace(Map<String, Double> reported) {
        List<String> summed = summed(reported);
        if (summed.isEmpty()) {
            String loss = loss(reported);
            return loss == null ? Double.NaN : reported.get(loss);
        }
        double sum = 0;
        for (String name : summed) {
            sum += reported.get(name);
        }
        return sum;
    }

    private static List<String> summed(Map<String, Double> reported) {
        List<String> names = new ArrayList<>();
        for (String name : reported.keySet()) {
            if (!LOSS_NAMES.contains(name) && !COUNTERS.contains(name) && !name.equals(DERIVED_NAME)
                    && TIMING_SUFFIXES.stream().noneMatch(name::endsWith)) {
                names.add(name);
            }
        }
        return names;
    }

    private static String loss(Map<String, Double> reported) {
        return LOSS_NAMES.stream().filter(reported::containsKey).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return describe(Map.of());
    }
}
