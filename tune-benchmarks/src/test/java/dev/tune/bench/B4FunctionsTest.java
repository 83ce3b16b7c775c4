package dev.tune.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import dev.tune.space.Categorical;
import dev.tune.space.FloatDomain;
import dev.tune.space.IntDomain;
import dev.tune.space.Space;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** B4's functions at points whose values can be worked out by hand, their spaces and the self-check. */
class B4FunctionsTest {

    private static final double EXACT = 1e-12;

    @Test
    void braninAtItsThreeArgminsAndAtTheOrigin() {
        double optimum = 5 / (4 * Math.PI);
        assertEquals(optimum, B4Functions.branin(Math.PI, 2.275), EXACT);
        assertEquals(optimum, B4Functions.branin(-Math.PI, 12.275), EXACT);
        assertEquals(optimum, B4Functions.branin(3 * Math.PI, 2.475), EXACT);
        // (0 - 0 + 0 - 6)^2 + 10 (1 - 1/(8 pi)) cos 0 + 10 = 56 - 10/(8 pi)
        assertEquals(56 - 10 / (8 * Math.PI), B4Functions.branin(0, 0), EXACT);
    }

    @Test
    void rosenbrockByHand() {
        assertEquals(0, B4Functions.rosenbrock(new double[] {1, 1, 1, 1}), 0);
        // three terms of (1 - 0)^2
        assertEquals(3, B4Functions.rosenbrock(new double[] {0, 0, 0, 0}), 0);
        // 100 (2-1)^2 + 0 + 100 (3-4)^2 + 1 + 100 (4-9)^2 + 4
        assertEquals(2705, B4Functions.rosenbrock(new double[] {1, 2, 3, 4}), 0);
    }

    @Test
    void ackleyIsZeroAtTheOriginAndGrowsAway() {
        assertEquals(0, B4Functions.ackley(new double[5]), EXACT);
        // at integers every cos(2 pi x) is 1: -20 exp(-0.2 sqrt(mean x^2)) - e + 20 + e
        double[] ones = {1, 1, 1, 1, 1};
        assertEquals(20 - 20 * Math.exp(-0.2), B4Functions.ackley(ones), EXACT);
    }

    @Test
    void levyByHand() {
        assertEquals(0, B4Functions.levy(new double[] {1, 1, 1, 1}), EXACT);
        // x = 5 everywhere: w = 2, sin(2 pi) = 0, sin(4 pi) = 0; the middle terms are 1 + 10 sin^2(2 pi + 1)
        double middle = 1 + 10 * Math.sin(1) * Math.sin(1);
        assertEquals(3 * middle + 1, B4Functions.levy(new double[] {5, 5, 5, 5}), 1e-9);
    }

    @Test
    void styblinskiTangByHand() {
        assertEquals(0, B4Functions.styblinskiTang(new double[8]), 0);
        // +-v pairs cancel 5v; v^4 - 16 v^2 is -15, -48, -63, 0 for 1..4, twice, halved
        assertEquals(-126, B4Functions.styblinskiTang(new double[] {1, 2, 3, 4, -1, -2, -3, -4}), 0);
        assertEquals(-313.3293256301714, B4Functions.styblinskiTang(filled(8, -2.903534027771177)), 1e-9);
    }

    @Test
    void hartmann6AtItsArgmin() {
        double[] argmin = {0.20168952, 0.15001069, 0.47687398, 0.27533243, 0.31165162, 0.65730054};
        assertEquals(-3.322368011415515, B4Functions.hartmann6(argmin), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> B4Functions.hartmann6(new double[5]));
    }

    @Test
    void mixedByHand() {
        assertEquals(0, B4Functions.mixed("b", 13, -2, 3), 0);
        assertEquals(0.5, B4Functions.mixed("a", 5, 1, 1), 0);
        assertEquals(1.0, B4Functions.mixed("c", 17, 3, -3), 0);
        // a: dx = dy = 1 gives 1 + 1 + 1 on top of 0.5; b: n one off costs 0.02
        assertEquals(3.5, B4Functions.mixed("a", 5, 2, 2), 0);
        assertEquals(0.02, B4Functions.mixed("b", 14, -2, 3), EXACT);
        assertEquals(1, B4Functions.mixed("b", 13, -1, 3), 0);
        assertThrows(IllegalArgumentException.class, () -> B4Functions.mixed("d", 1, 0, 0));
    }

    @Test
    void spacesNameTheParametersInOrderWithTheBounds() {
        Space branin = B4Function.BRANIN.space();
        assertEquals(List.of("x0", "x1"), List.copyOf(branin.domains().keySet()));
        assertEquals(FloatDomain.uniform(-5, 10), branin.domains().get("x0"));
        assertEquals(FloatDomain.uniform(0, 15), branin.domains().get("x1"));
        assertEquals(List.of("x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7"),
                List.copyOf(B4Function.STYBLINSKI_TANG8.space().domains().keySet()));
        assertEquals(FloatDomain.uniform(-32.768, 32.768), B4Function.ACKLEY5.space().domains().get("x4"));
        assertEquals(5, B4Function.ACKLEY5.space().domains().size());
        assertEquals(6, B4Function.HARTMANN6.space().domains().size());
        assertEquals(4, B4Function.ROSENBROCK4.space().domains().size());
        assertEquals(FloatDomain.uniform(-10, 10), B4Function.LEVY4.space().domains().get("x3"));
        Space mixed = B4Function.MIXED.space();
        assertEquals(List.of("c", "n", "x", "y"), List.copyOf(mixed.domains().keySet()));
        assertEquals(new Categorical(List.of("a", "b", "c")), mixed.domains().get("c"));
        assertEquals(IntDomain.between(1, 20), mixed.domains().get("n"));
        assertEquals(FloatDomain.uniform(-5, 5), mixed.domains().get("y"));
    }

    @Test
    void valuesComeFromTheConfig() {
        assertEquals(2705, B4Function.ROSENBROCK4.value(B4FunctionCheck.point(1, 2, 3, 4)), 0);
        assertEquals(3.5, B4Function.MIXED.value(Config.of(Map.of("c", "a", "n", 5L, "x", 2.0, "y", 2.0))), 0);
        assertEquals("styblinski_tang8", B4Function.byId("styblinski_tang8").id());
    }

    @Test
    void theTrainablesDeclareTheFunctionsSpaces() {
        for (B4Function function : B4Function.values()) {
            assertEquals(function.space(), B4Trainables.experiment(function).space(), function.id());
        }
    }

    @Test
    void selfCheckPasses() {
        String summary = B4FunctionCheck.run(B4Reference.load());
        assertTrue(summary.startsWith("B4 self-check passed"), summary);
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
