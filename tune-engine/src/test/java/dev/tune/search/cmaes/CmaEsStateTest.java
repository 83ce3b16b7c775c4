package dev.tune.search.cmaes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import dev.tune.search.SearchProblem;
import dev.tune.search.SearcherRuns;
import dev.tune.space.Space;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Saving and restoring a search: a restored searcher goes on exactly as the original. */
class CmaEsStateTest {

    static final Space SPACE = Space.builder()
            .uniform("x", -5, 5)
            .randint("n", 0, 10)
            .randn("z", 0, 1)
            .choice("c", "a", "b")
            .sampleFrom("twice", c -> c.getDouble("x") * 2)
            .build();

    static double loss(Config c) {
        double x = c.getDouble("x") - 1;
        double n = c.getLong("n") - 3;
        return x * x + n * n + c.getDouble("z") * c.getDouble("z") + (c.get("c").equals("a") ? 0 : 0.5);
    }

    /**
     * Plays a run with three trials at once, completing the oldest: every fifth trial fails.
     * Suggests {@code steps} configs.
     */
    private static final class Driver {
        final CmaEsSearch searcher;
        final ToDoubleFunction<Config> loss;
        final Deque<String> running = new ArrayDeque<>();
        final List<Config> configs = new ArrayList<>();

        Driver(CmaEsSearch searcher, ToDoubleFunction<Config> loss) {
            this.searcher = searcher;
            this.loss = loss;
        }

        void step() {
            if (running.size() == 3) {
                String id = running.removeFirst();
                int k = Integer.parseInt(id.substring(1));
                Config config = configs.get(k);
                searcher.onTrialComplete(k % 5 == 4 ? SearcherRuns.failed(id, config) : SearcherRuns.completed(id, config, loss.applyAsDouble(config)));
            }
            String id = "t" + configs.size();
            configs.add(searcher.suggest(id).config().orElseThrow());
            running.addLast(id);
        }
    }

    /** Runs to {@code cut}, saves, restores into a new searcher, and checks that both go on alike; the final state. */
    private static CmaEsState roundTrip(Supplier<CmaEsSearch> factory, SearchProblem problem, ToDoubleFunction<Config> loss,
            int cut, int after) {
        Driver original = new Driver(factory.get(), loss);
        original.searcher.start(problem);
        for (int i = 0; i < cut; i++) {
            original.step();
        }
        CmaEsState saved = original.searcher.state();

        Driver restored = new Driver(factory.get(), loss);
        restored.searcher.start(problem);
        restored.searcher.restore(saved);
        restored.configs.addAll(original.configs);
        restored.running.addAll(original.running);
        assertEquals(saved, restored.searcher.state(), "cut at " + cut);

        for (int i = 0; i < after; i++) {
            original.step();
            restored.step();
        }
        assertEquals(original.configs, restored.configs, "cut at " + cut);
        assertEquals(original.searcher.state(), restored.searcher.state());
        return original.searcher.state();
    }

    @Test
    void aRestoredSearchMakesTheSameNextSuggestions() {
        SearchProblem problem = SearcherRuns.problem(SPACE, 1000, 21);
        for (int cut = 0; cut < 40; cut++) {
            roundTrip(CmaEsSearch::new, problem, CmaEsStateTest::loss, cut, 30);
        }
        roundTrip(CmaEsSearch::new, problem, CmaEsStateTest::loss, 200, 100);
    }

    @Test
    void aRestoredSearchKeepsItsRestarts() {
        Supplier<CmaEsSearch> ipop = () -> CmaEsSearch.builder().restart(RestartStrategy.IPOP).build();
        CmaEsSearch searcher = ipop.get();
        SearcherRuns.sequential(searcher, SearcherRuns.problem(SPACE, 260, 1), c -> 1);
        assertEquals(1, searcher.state().restarts(), "a flat function restarts after 24 generations of 7");
        SearchProblem problem = SearcherRuns.problem(SPACE, 1000, 1);
        assertEquals(0, roundTrip(ipop, problem, c -> 1, 150, 0).restarts());
        assertEquals(1, roundTrip(ipop, problem, c -> 1, 150, 150).restarts(), "restored before the restart");
        roundTrip(ipop, problem, c -> 1, 300, 50);
    }

    @Test
    void theStateIsAnImmutableValue() {
        CmaEsSearch searcher = new CmaEsSearch();
        SearcherRuns.sequential(searcher, SearcherRuns.problem(SPACE, 20, 3), CmaEsStateTest::loss);
        CmaEsState state = searcher.state();
        assertEquals(20, state.suggestions());
        assertEquals(3, state.mean().size());
        assertEquals(3, state.covariance().size());
        assertTrue(state.sigma() > 0);
        assertThrows(UnsupportedOperationException.class, () -> state.mean().set(0, 1.0));
        assertThrows(UnsupportedOperationException.class, () -> state.covariance().get(0).set(0, 1.0));
        assertEquals(state, searcher.state());
    }

    @Test
    void aStateForAnotherSpaceIsRefused() {
        CmaEsSearch searcher = new CmaEsSearch();
        SearcherRuns.sequential(searcher, SearcherRuns.problem(SPACE, 5, 3), CmaEsStateTest::loss);
        CmaEsSearch other = new CmaEsSearch();
        other.start(SearcherRuns.problem(Space.builder().uniform("x", 0, 1).uniform("y", 0, 1).build(), 5, 3));
        assertThrows(IllegalArgumentException.class, () -> other.restore(searcher.state()));
        assertThrows(IllegalStateException.class, () -> new CmaEsSearch().restore(searcher.state()));
    }
}
