package dev.tune.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** B4W's verdicts and RESULT lines from made-up runs: B4's parity rule with the workers as the new side. */
class B4WorkersReportTest {

    @Test
    void parityUnlessTheWorkersAreSignificantlyWorse() {
        Map<B4Function, B4Arm[]> bySearcher = new LinkedHashMap<>();
        for (B4Function function : B4Function.values()) {
            double[] parallel = regrets(1);
            double[] workers = switch (function) {
                case BRANIN -> regrets(21); // every worker regret above every parallel one: p < 0.05, worse
                case HARTMANN6 -> regrets(-19); // every one below: significantly better, parity
                case ROSENBROCK4 -> regrets(1.5); // interleaved with the parallel regrets: no difference
                default -> regrets(1);
            };
            bySearcher.put(function, new B4Arm[] {arm(function, parallel), arm(function, workers)});
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        List<String> results = B4WorkersReport.print(Map.of("tpe", bySearcher), 4,
                new PrintStream(text, true, StandardCharsets.UTF_8));
        String printed = text.toString(StandardCharsets.UTF_8);

        assertEquals(8, results.size());
        double separated = MannWhitney.pValue(regrets(21), regrets(1));
        assertEquals("RESULT B4W tpe branin parallel=10.500000 workers=30.500000 p="
                + ResultLine.plain(separated, 6) + " parity=no", results.get(0));
        assertTrue(results.get(1).startsWith("RESULT B4W tpe hartmann6 parallel=10.500000 workers=-9.500000 p="),
                results.get(1));
        assertTrue(results.get(1).endsWith(" parity=yes"), results.get(1));
        assertTrue(results.get(2).endsWith(" parity=yes"), results.get(2));
        assertEquals("RESULT B4W tpe levy4 parallel=10.500000 workers=10.500000 p=1.000000 parity=yes", results.get(4));
        assertEquals("RESULT B4W tpe all parity_on=6 functions=7", results.get(7));
        assertTrue(printed.contains("B4W tpe: 4 workers at parity with one process of 4 parallel trials on 6 of 7"
                + " functions"), printed);
        assertTrue(printed.contains("MISSED (significantly worse)"), printed);
        assertTrue(printed.contains("parity (significantly better)"), printed);
        assertTrue(printed.contains("| branin | 4 workers | 42.5 [9.5] / 42.5 | 42.5 [9.5] / 42.5 | 30.5 [9.5] / 30.5"
                + " | 1.00 | 1.00 |"), printed);
    }

    /** 20 regrets after 100 trials: {@code from}, {@code from + 1}, ... */
    private static double[] regrets(double from) {
        double[] r = new double[20];
        for (int s = 0; s < r.length; s++) {
            r[s] = from + s;
        }
        return r;
    }

    /**
     * An arm whose seed s reaches {@code regret[s] + 12} by trial 25 and {@code regret[s]} by trial 100
     * (trials one after another, 10 ms each, 1 s per run).
     */
    private static B4Arm arm(B4Function function, double[] regret) {
        B4Arm arm = new B4Arm(regret.length);
        for (int s = 0; s < regret.length; s++) {
            List<B4Trial> trials = new ArrayList<>();
            for (int n = 1; n <= 100; n++) {
                double value = function.optimum() + regret[s] + (n < 100 ? 12 : 0);
                trials.add(new B4Trial(n, value, n * 10L, n * 10L + 10));
            }
            arm.record(s, trials, 1, function.optimum());
        }
        return arm;
    }
}
