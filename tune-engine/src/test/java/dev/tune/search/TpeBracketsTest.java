package dev.tune.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import dev.tune.Mode;
import dev.tune.result.Objective;
import dev.tune.search.tpe.TpeSearch;
import dev.tune.space.Space;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With a scheduler's brackets, TPE keeps one model per bracket, as Optuna's TPE under its
 * HyperbandPruner: each bracket starts with its own random trials and learns only from its own.
 */
class TpeBracketsTest {

    static final Space LINE = Space.builder().uniform("x", 0, 1).build();

    /** Trials "a..." in bracket 0, "b..." in bracket 1. */
    static final Brackets BY_PREFIX = id -> id.startsWith("a") ? 0 : 1;

    @Test
    void eachBracketLearnsFromItsOwnTrialsOnly() {
        TpeSearch tpe = new TpeSearch();
        tpe.start(new SearchProblem(LINE, Objective.of("loss", Mode.MIN), 200, 7, BY_PREFIX));
        // bracket 0 is best near x = 0.1, bracket 1 near x = 0.9 (as if its trials were cut at other rungs)
        for (int i = 0; i < 30; i++) {
            tell(tpe, "a" + i, 0.1);
            tell(tpe, "b" + i, 0.9);
        }
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (int i = 30; i < 50; i++) {
            a.add(tell(tpe, "a" + i, 0.1));
            b.add(tell(tpe, "b" + i, 0.9));
        }
        assertTrue(median(a) < 0.3, "bracket 0 suggests near its own optimum 0.1: " + a);
        assertTrue(median(b) > 0.7, "bracket 1 suggests near its own optimum 0.9: " + b);
    }

    @Test
    void aBracketWithoutItsOwnStartUpTrialsIsStillRandom() {
        TpeSearch modelled = new TpeSearch();
        TpeSearch alone = new TpeSearch();
        modelled.start(new SearchProblem(LINE, Objective.of("loss", Mode.MIN), 100, 3, BY_PREFIX));
        alone.start(new SearchProblem(LINE, Objective.of("loss", Mode.MIN), 100, 3, BY_PREFIX));
        for (int i = 0; i < 20; i++) {
            tell(modelled, "a" + i, 0.1);
        }
        // the 21st suggestion, the first of bracket 1, is a start-up trial: the same with or without bracket 0's history
        Config first = modelled.suggest("b0").config().orElseThrow();
        for (int i = 0; i < 20; i++) {
            alone.suggest("a" + i);
        }
        assertEquals(alone.suggest("b0").config().orElseThrow(), first);
    }

    /** Suggests trial {@code id}, tells it finished with loss |x - optimum|; returns its x. */
    private static double tell(TpeSearch tpe, String id, double optimum) {
        Config config = tpe.suggest(id).config().orElseThrow();
        double x = config.getDouble("x");
        tpe.onTrialComplete(Trials.completed(id, config, Map.of("loss", Math.abs(x - optimum))));
        return x;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
