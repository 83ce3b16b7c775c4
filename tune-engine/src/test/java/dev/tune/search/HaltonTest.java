package dev.tune.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import dev.tune.Mode;
import dev.tune.search.tpe.TpeSearch;
import dev.tune.search.tpe.TpeSettings;
import dev.tune.space.Space;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scrambled Halton sequence stratifies every axis, and TPE can start from it. */
class HaltonTest {

    @Test
    void eachAxisGetsExactlyOnePointPerCellOfItsBasePower() {
        Halton halton = new Halton(3, 11);
        int[] cells = {64, 81, 125};
        for (int d = 0; d < 3; d++) {
            Set<Integer> hit = new HashSet<>();
            for (int k = 0; k < cells[d]; k++) {
                double u = halton.point(k)[d];
                assertTrue(u >= 0 && u < 1, "u=" + u);
                hit.add((int) (u * cells[d]));
            }
            assertEquals(cells[d], hit.size(), "dimension " + d);
        }
        assertArrayEquals(halton.point(17), new Halton(3, 11).point(17));
        assertTrue(halton.point(17)[0] != new Halton(3, 12).point(17)[0], "the seed scrambles");
    }

    @Test
    void tpeStartsFromQuasiRandomPointsWhenAsked() {
        Space space = Space.builder().uniform("x", 0, 1).choice("c", "a", "b").build();
        TpeSearch tpe = new TpeSearch(TpeSettings.DEFAULTS.quasiRandomStart(true).startupTrials(8));
        tpe.start(new SearchProblem(space, dev.tune.result.Objective.of("loss", Mode.MIN), 8, 4));
        Set<Integer> eighths = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            Config config = tpe.suggest("t" + i).config().orElseThrow();
            eighths.add((int) (config.getDouble("x") * 8));
            tpe.onTrialComplete(Trials.completed("t" + i, config, Map.of("loss", 1.0)));
        }
        assertTrue(eighths.size() >= 7, "eight start-up points spread over " + eighths.size() + " eighths");
    }
}
