package dev.tune.search.gp;

import dev.tune.Config;
import dev.tune.Mode;
import dev.tune.result.MetricHistory;
import dev.tune.result.Objective;
import dev.tune.result.Result;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.result.TrialError;
import dev.tune.result.TrialStatus;
import dev.tune.search.SearchProblem;
import dev.tune.search.Searcher;
import dev.tune.search.Suggestion;
import dev.tune.space.Space;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Frozen trials as the runner hands them to a searcher, and a sequential driver of the Searcher API. */
final class GpRuns {

    /** The value a config scores. */
    interface Loss {
        double of(Config config);
    }

    private GpRuns() {
    }

    static SearchProblem problem(Space space, int samples, long seed) {
        return new SearchProblem(space, Objective.of("loss", Mode.MIN), samples, seed);
    }

    static Trial completed(String id, Config config, double loss) {
        return ended(id, config, Map.of("loss", loss), Termination.COMPLETED);
    }

    static Trial ended(String id, Config config, Map<String, Double> metrics, Termination termination) {
        MetricHistory history = new MetricHistory();
        history.add(metrics);
        Result result = new Result(id, 1, 0.5, 0.5, 0.5, 1_700_000_000_000L, 1, false, metrics);
        return new Trial(id, 1, id, config, TrialStatus.TERMINATED, Optional.of(termination), 1,
                Optional.of(result), history.snapshot(), Optional.empty(), Optional.empty());
    }

    static Trial failed(String id, Config config) {
        return new Trial(id, 1, id, config, TrialStatus.ERROR, Optional.empty(), 0, Optional.empty(), Map.of(),
                Optional.of(TrialError.of(new IllegalStateException("boom"))), Optional.empty());
    }

    /** Runs {@code searcher} to the end, one trial at a time; the configs in order. */
    static List<Config> sequential(Searcher searcher, SearchProblem problem, Loss loss) {
        searcher.start(problem);
        List<Config> configs = new ArrayList<>();
        while (true) {
            String id = "t" + configs.size();
            Suggestion suggestion = searcher.suggest(id);
            if (suggestion.isFinished()) {
                return configs;
            }
            Config config = suggestion.config().orElseThrow();
            configs.add(config);
            searcher.onTrialComplete(completed(id, config, loss.of(config)));
        }
    }

    /** The lowest loss of {@code configs}. */
    static double best(List<Config> configs, Loss loss) {
        double best = Double.POSITIVE_INFINITY;
        for (Config config : configs) {
            best = Math.min(best, loss.of(config));
        }
        return best;
    }

    /** Branin on x0 in [-5, 10], x1 in [0, 15]; its minimum is 5 / (4 pi). */
    static double branin(Config config) {
        double x1 = config.getDouble("x0");
        double x2 = config.getDouble("x1");
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        double u = x2 - b * x1 * x1 + c * x1 - 6;
        return u * u + 10 * (1 - t) * Math.cos(x1) + 10;
    }

    static Space braninSpace() {
        return Space.builder().uniform("x0", -5, 10).uniform("x1", 0, 15).build();
    }
}
