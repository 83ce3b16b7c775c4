package dev.tune.search;

import dev.tune.Config;
import dev.tune.result.MetricHistory;
import dev.tune.result.Result;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.result.TrialError;
import dev.tune.result.TrialStatus;
import java.util.Map;
import java.util.Optional;

/** Frozen trial and result records, as the runner would hand them to a searcher. */
final class Trials {

    private Trials() {
    }

    static Result result(String id, long iteration, Map<String, Double> metrics) {
        return new Result(id, iteration, 0.5, 0.5 * iteration, 0.5 * iteration, 1_700_000_000_000L + iteration,
                iteration, false, metrics);
    }

    /** A trial that ended on its own after one result reporting {@code metrics}. */
    static Trial completed(String id, Config config, Map<String, Double> metrics) {
        MetricHistory history = new MetricHistory();
        history.add(metrics);
        return new Trial(id, 1, id, config, TrialStatus.TERMINATED, Optional.of(Termination.COMPLETED), 1,
                Optional.of(result(id, 1, metrics)), history.snapshot(), Optional.empty(), Optional.empty());
    }

    /** A trial a scheduler stopped early after {@code iterations} results, the last reporting {@code metrics}. */
    static Trial stopped(String id, Config config, Map<String, Double> metrics, long iterations) {
        MetricHistory history = new MetricHistory();
        history.add(metrics);
        return new Trial(id, 1, id, config, TrialStatus.TERMINATED, Optional.of(Termination.EARLY_STOPPED), iterations,
                Optional.of(result(id, iterations, metrics)), history.snapshot(), Optional.empty(), Optional.empty());
    }

    /** A trial whose user code threw before reporting anything. */
    static Trial failed(String id, Config config) {
        return new Trial(id, 1, id, config, TrialStatus.ERROR, Optional.empty(), 0, Optional.empty(), Map.of(),
                Optional.of(TrialError.of(new IllegalStateException("boom"))), Optional.empty());
    }
}
