package dev.tune.samples;

import dev.tune.Choice;
import dev.tune.LogUniform;
import dev.tune.Mode;
import dev.tune.RandInt;
import dev.tune.Seed;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import java.util.Map;

/**
 * Sample 11: several objectives at once.
 *
 * <p>A bigger network makes fewer errors but answers more slowly. Naming two metrics, each with
 * its mode, makes the experiment multi-objective: no single trial is best, so the result is the
 * Pareto front, the trials that no other trial beats on both error and latency at once.
 * {@code report.html} plots the front against the dominated trials.
 *
 * <p>The model must also answer within 6 ms. That is a constraint, not an objective: the trainable
 * reports {@code latency_over_budget = latency_ms - 6}, and {@code constraints} names it, as
 * Optuna's {@code constraints_func}. A trial is feasible when every constraint is at most 0; the
 * front is taken among feasible trials only, and TPE learns to propose feasible configurations.
 *
 * <p>{@code multi-objective-nsga2} searches the same trade-off with NSGA-II ({@code nsga2}, Optuna's
 * defaults: generations of 50, the first at random, then children of the best fronts, feasible
 * trials first), which needs more trials than TPE but costs almost nothing per trial: for budgets
 * of thousands of trials. Run both with {@code -Dsample='multi-objective*'}.
 */
public final class TuneSample_11_MultiObjective {

    private TuneSample_11_MultiObjective() {
    }

    static final double LATENCY_BUDGET_MS = 6;

    @Trainable(name = "multi-objective", metric = {"error", "latency_ms"}, mode = {Mode.MIN, Mode.MIN}, samples = 40,
            constraints = "latency_over_budget")
    @Seed(11)
    static void train(@RandInt(lower = 1, upper = 9) long layers, @Choice({"64", "128", "256", "512"}) String width,
            @LogUniform(lower = 1e-4, upper = 1e-1) double lr, TrialContext context) {
        int units = Integer.parseInt(width);
        double capacity = Math.log(layers * units);
        double tuning = 0.15 * Math.pow(Math.log10(lr) + 2.5, 2);
        for (int epoch = 1; epoch <= 10; epoch++) {
            double error = 0.02 + tuning + 2.0 / capacity * Math.exp(-0.3 * epoch);
            double latency = 0.8 + 0.004 * layers * units;
            context.report(Map.of("error", error, "latency_ms", latency, "latency_over_budget",
                    latency - LATENCY_BUDGET_MS));
        }
    }

    @Trainable(name = "multi-objective-nsga2", metric = {"error", "latency_ms"}, mode = {Mode.MIN, Mode.MIN},
            samples = 200, constraints = "latency_over_budget", searcher = "nsga2")
    @Seed(11)
    static void trainWithNsga2(@RandInt(lower = 1, upper = 9) long layers,
            @Choice({"64", "128", "256", "512"}) String width, @LogUniform(lower = 1e-4, upper = 1e-1) double lr,
            TrialContext context) {
        train(layers, width, lr, context);
    }
}
