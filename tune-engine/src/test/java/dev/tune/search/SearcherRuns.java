package dev.tune.search;

import dev.tune.Config;
import dev.tune.Mode;
import dev.tune.result.MetricHistory;
import dev.tune.result.Objective;
import dev.tune.result.Result;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.result.TrialError;
import dev.tune.result.TrialStatus;
import dev.tune.space.Space;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Frozen trials as the runner hands them to a searcher, and a sequential driver of the Searcher API,
 * for the tests of the model-based searchers (CMA-ES, the Gaussian process).
 */
public final class SearcherRuns {

    private SearcherRuns() {
    }

    public static SearchProblem problem(Space space, int samples, long seed) {
        return problem(space, samples, seed, Mode.MIN);
    }

    public static SearchProblem problem(Space space, int samples, long seed, Mode mode) {
        return new SearchProblem(space, Objective.of("loss", mode), samples, seed);
    }

    public static Trial completed(String id, Config config, double loss) {
        return ended(id, config, Map.of("loss", loss), Termination.COMPLETED);
    }

    public static Trial ended(String id, Config config, Map<String, Double> metrics, Termination termination) {
        MetricHistory history = new MetricHistory();
        history.add(metrics);
        Result result = new Result(id, 1, 0.5, 0.5, 0.5, 1_700_000_000_000L, 1, false, metrics);
        return new Trial(id, 1, id, config, TrialStatus.TERMINATED, Optional.of(termination), 1,
                Optional.of(result), history.snapshot(), Optional.empty(), Optional.empty());
    }

    public static Trial failed(String id, Config config) {
        return new Trial(id, 1, id, config, TrialStatus.ERROR, Optional.empty(), 0, Optional.empty(), Map.of(),
                Optional.of(TrialError.of(new IllegalStateException("boom"))), Optional.empty());
    }

    /** Runs {@code searcher} to the end, one trial at a time; the configs in order. */
    public static List<Config> sequential(Searcher searcher, SearchProblem problem, ToDoubleFunction<Config> loss) {
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
            searcher.onTrialComplete(completed(id, config, loss.applyAsDouble(config)));
        }
    }

    /** The lowest loss of {@code configs}. */
    public static double best(List<Config> configs, ToDoubleFunction<Config> loss) {
        double best = Double.POSITIVE_INFINITY;
        for (Config config : configs) {
            best = Math.min(best, loss.applyAsDouble(config));
        }
        return best;
    }
}
