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
 * HyperbandPruner: each bracket starts with its own random trials and learns from its own
 * early-stopped trials; a trial that ran to the end counts in every bracket.
 */
class TpeBracketsTest {

    static final Space LINE = Space.builder().uniform("x", 0, 1).build();

    /** Trials "a..." in bracket 0, "b..." in bracket 1. */
    static final Brackets BY_PREFIX = id -> id.startsWith("a") ? 0 : 1;

    @Test
    void eachBracketLearnsFromItsOwnEarlyStoppedTrialsOnly() {
        TpeSearch tpe = new TpeSearch();
        tpe.start(new SearchProblem(LINE, Objective.of("loss", Mode.MIN), 200, 7, BY_PREFIX));
        // cut at different rungs, bracket 0 looks best near x = 0.1, bracket 1 near x = 0.9
        for (int i = 0; i < 30; i++) {
            tell(tpe, "a" + i, 0.1, false);
            tell(tpe, "b" + i, 0.9, false);
        }
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (int i = 30; i < 50; i++) {
            a.add(tell(tpe, "a" + i, 0.1, false));
            b.add(tell(tpe, "b" + i, 0.9, false));
        }
        assertTrue(median(a) < 0.3, "bracket 0 suggests near its own optimum 0.1: " + a);
        assertTrue(median(b) > 0.7, "bracket 1 suggests near its own optimum 0.9: " + b);
    }

    @Test
    void aTrialThatRanToTheEndTeachesEveryBracket() {
        TpeSearch tpe = new TpeSearch();
        tpe.start(new SearchProblem(LINE, Objective.of("loss", Mode.MIN), 200, 7, BY_PREFIX));
        // bracket 0's trials run to the end and are best near 0.2; bracket 1's are cut early, with no preference
        for (int i = 0; i < 40; i++) {
            tell(tpe, "a" + i, 0.2, true);
            Config config = tpe.suggest("b" + i).config().orElseThrow();
            tpe.onTrialComplete(Trials.stopped("b" + i, config, Map.of("loss", 1.0), 1));
        }
        List<Double> b = new ArrayList<>();
        for (int i = 40; i < 60; i++) {
            b.add(tell(tpe, "b" + i, 0.2, false));
        }
        assertTrue(median(b) > 0.1 && median(b) < 0.3, "bracket 1 learnt from bracket 0's completed trials: " + b);
    }

    @Test
    void aBracketWithoutItsOwnStartUpTrialsIsStillRandom() {
        TpeSearch modelled = new TpeSearch();
        TpeSearch alone = new TpeSearch();
        modelled.start(new SearchProblem(LINE, Objective.of("loss", Mode.MIN), 100, 3, BY_PREFIX));
        alone.start(new SearchProblem(LINE, Objective.of("loss", Mode.MIN), 100, 3, BY_PREFIX));
        for (int i = 0; i < 20; i++) {
            tell(modelled, "a" + i, 0.1, true);
        }
        // the 21st suggestion, the first of bracket 1, is a start-up trial: the same with or without bracket 0's history
        Config first = modelled.suggest("b0").config().orElseThrow();
        for (int i = 0; i < 20; i++) {
            alone.suggest("a" + i);
        }
        assertEquals(alone.suggest("b0").config().orElseThrow(), first);
    }

    /** Suggests trial {@code id}, tells it completed or stopped early with loss |x - optimum|; returns its x. */
    private static double tell(TpeSearch tpe, String id, double optimum, boolean completed) {
        Config config = tpe.suggest(id).config().orElseThrow();
        double x = config.getDouble("x");
        Map<String, Double> loss = Map.of("loss", Math.abs(x - optimum));
        tpe.onTrialComplete(completed ? Trials.completed(id, config, loss) : Trials.stopped(id, config, loss, 3));
        return x;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
