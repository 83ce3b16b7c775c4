package dev.tune.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tune.Config;
import dev.tune.Mode;
import dev.tune.result.Objective;
import dev.tune.result.Trial;
import dev.tune.space.Space;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Plays the runner's part for a searcher: asks for configs until it is finished, keeps at most
 * {@code running} trials going, and completes one when the searcher says "not now".
 */
final class SearchRun {

    private static final int LIMIT = 100_000;

    private SearchRun() {
    }

    static SearchProblem problem(Space space, int samples, long seed) {
        return new SearchProblem(space, Objective.of("loss", Mode.MIN), samples, seed);
    }

    /** Every config of a search, one trial at a time, completing each before the next. */
    static List<Config> drain(Searcher searcher, SearchProblem problem) {
        return drain(searcher, problem, 1, false);
    }

    /** Every config, with up to {@code running} trials at once, completing the newest or oldest first. */
    static List<Config> drain(Searcher searcher, SearchProblem problem, int running, boolean newestFirst) {
        searcher.start(problem);
        List<Config> configs = new ArrayList<>();
        Deque<Trial> pending = new ArrayDeque<>();
        for (int attempt = 0; attempt < LIMIT; attempt++) {
            if (pending.size() >= running) {
                complete(searcher, pending, newestFirst);
            }
            String id = "trial_" + configs.size();
            Suggestion suggestion = searcher.suggest(id);
            if (suggestion.isFinished()) {
                while (!pending.isEmpty()) {
                    complete(searcher, pending, newestFirst);
                }
                return configs;
            } else if (suggestion.isNotNow()) {
                assertFalse(pending.isEmpty(), searcher + " said not now with no trial running");
                complete(searcher, pending, newestFirst);
            } else {
                Config config = suggestion.config().orElseThrow();
                configs.add(config);
                pending.add(Trials.completed(id, config, Map.of("loss", (double) configs.size())));
            }
        }
        return fail(searcher + " never finished");
    }

    private static void complete(Searcher searcher, Deque<Trial> pending, boolean newestFirst) {
        searcher.onTrialComplete(newestFirst ? pending.removeLast() : pending.removeFirst());
    }
}
