package dev.tune.report.html;

import dev.tune.Mode;
import dev.tune.importance.Fanova;
import dev.tune.importance.ParamColumn;
import dev.tune.importance.ParamImportance;
import dev.tune.result.Scope;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The importance view's numbers: fANOVA ({@link Fanova}, Optuna's default evaluator and settings,
 * seed 0) per objective metric, on the trials Optuna would count as complete: ended with a finite
 * value, neither cut by a scheduler nor cancelled. Hyperparameters that some of those trials lack
 * (conditional ones) are left out, as Optuna keeps only the search space all trials share. Above
 * {@value #MOST} trials, a fixed random draw of {@value #MOST} of them keeps the report quick.
 */
final class ImportanceData {

    static final int MOST = 2_000;
    static final String METHOD = "fANOVA on a random forest of 64 trees (Optuna's default evaluator), "
            + "first-order effects, normalised to add up to 1";

    /** One metric's importances, or why there are none. */
    record PerMetric(String metric, int trials, int of, List<ParamImportance> params, Optional<String> missing) {
    }

    private ImportanceData() {
    }

    static PerMetric of(String metric, Mode mode, List<Trial> trials, List<ParamAxis> axes) {
        List<Trial> complete = new ArrayList<>();
        for (Trial trial : trials) {
            boolean cut = trial.termination().filter(t -> t == Termination.EARLY_STOPPED
                    || t == Termination.CANCELLED || t == Termination.TIMED_OUT).isPresent();
            if (trial.status() == TrialStatus.TERMINATED && !cut
                    && Double.isFinite(trial.value(metric, mode, Scope.LAST))) {
                complete.add(trial);
            }
        }
        int of = complete.size();
        List<Trial> used = complete.size() > MOST ? draw(complete) : complete;
        List<ParamAxis> shared = axes.stream()
                .filter(axis -> !used.isEmpty())
                .filter(axis -> used.stream().allMatch(t -> t.config().asMap().get(axis.name()) != null))
                .toList();
        if (used.size() < 2 || shared.isEmpty()) {
            long cut = trials.stream()
                    .filter(t -> t.termination().filter(e -> e == Termination.EARLY_STOPPED).isPresent())
                    .count();
            return new PerMetric(metric, used.size(), of, List.of(), Optional.of(used.size() < 2
                    ? "needs two or more completed trials with a finite " + metric + (cut > 0 ? " (as in Optuna, the "
                            + cut + " trials a scheduler cut do not count: they stopped at smaller budgets)" : "")
                    : "no hyperparameter is shared by every completed trial"));
        }
        double[] targets = new double[used.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = used.get(i).value(metric, mode, Scope.LAST);
        }
        List<ParamColumn> columns = new ArrayList<>();
        for (ParamAxis axis : shared) {
            columns.add(column(axis, used));
        }
        return new PerMetric(metric, used.size(), of, Fanova.defaults().evaluate(columns, targets), Optional.empty());
    }

    private static ParamColumn column(ParamAxis axis, List<Trial> trials) {
        double[] values = new double[trials.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = trials.get(i).config().asMap().get(axis.name());
            values[i] = axis.isChoice() ? axis.choices().indexOf(String.valueOf(value))
                    : ((Number) value).doubleValue();
        }
        if (axis.isChoice()) {
            return ParamColumn.choice(axis.name(), axis.choices().size(), values);
        }
        double low = axis.low();
        double high = axis.high();
        for (double v : values) {
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        return ParamColumn.number(axis.name(), low, high, values);
    }

    private static List<Trial> draw(List<Trial> trials) {
        List<Trial> pool = new ArrayList<>(trials);
        SplittableRandom random = new SplittableRandom(0);
        for (int i = 0; i < MOST; i++) {
            Collections.swap(pool, i, i + random.nextInt(pool.size() - i));
        }
        return pool.subList(0, MOST);
    }
}
