package dev.tune.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each domain's text, as experiment.json records it, read back into how it is plotted. */
class ParamAxisTest {

    private static List<Trial> trials(String name, Object... values) {
        List<Trial> trials = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            trials.add(new Trial("t" + i, i + 1, "#" + (i + 1), Config.of(Map.of(name, values[i])), TrialStatus.TERMINATED,
                    Optional.empty(), 1, Optional.empty(), Map.of(), Optional.empty(), Optional.empty()));
        }
        return trials;
    }

    @Test
    void boundedNumbersKeepTheirDomainAndScale() {
        ParamAxis lr = ParamAxis.of("lr", "loguniform(1.0E-4, 0.1)", trials("lr", 0.001, 0.01));
        assertEquals("float", lr.type());
        assertTrue(lr.log());
        assertEquals(1e-4, lr.low());
        assertEquals(0.1, lr.high());

        ParamAxis layers = ParamAxis.of("layers", "qlograndint[1, 64] q=2", trials("layers", 2L, 8L));
        assertEquals("int", layers.type());
        assertTrue(layers.log());
        assertEquals(64, layers.high());
    }

    @Test
    void unboundedNumbersSpanTheirValues() {
        ParamAxis x = ParamAxis.of("x", "randn(0.0, 1.0)", trials("x", -0.5, 1.5, 0.2));
        assertEquals("float", x.type());
        assertFalse(x.log());
        assertEquals(-0.5, x.low());
        assertEquals(1.5, x.high());
    }

    @Test
    void choicesAreCategoriesInTheDomainsOrder() {
        ParamAxis opt = ParamAxis.of("opt", "choice[sgd, adam, rmsprop]", trials("opt", "rmsprop", "sgd", "rmsprop"));
        assertEquals("choice", opt.type());
        assertEquals(List.of("sgd", "rmsprop"), opt.choices(), "the values taken, in the domain's order");

        ParamAxis numbers = ParamAxis.of("batch", "grid[32, 16, 64]", trials("batch", 16L, 64L, 32L));
        assertEquals(List.of("32", "16", "64"), numbers.choices(), "a grid of numbers is still a set of categories");
    }

    @Test
    void conditionalDomainsAreMarked() {
        ParamAxis momentum = ParamAxis.of("momentum", "uniform(0.0, 0.9) if opt = sgd", trials("momentum", 0.5));
        assertTrue(momentum.conditional());
        assertEquals(0.9, momentum.high());
    }
}
