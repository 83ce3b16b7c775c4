package dev.tune.search.cmaes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import dev.tune.search.SearcherRuns;
import dev.tune.space.Categorical;
import dev.tune.space.Constant;
import dev.tune.space.Domain;
import dev.tune.space.FloatDomain;
import dev.tune.space.Grid;
import dev.tune.space.IntDomain;
import dev.tune.space.NormalDomain;
import dev.tune.space.SampleFrom;
import dev.tune.space.Space;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of domain through CMA-ES: values in their domains, of their types, in declaration order. */
class CmaEsSpaceTest {

    static final Space SPACE = Space.builder()
            .loguniform("lr", 1e-4, 1e-1)
            .quniform("dropout", 0, 0.5, 0.1)
            .randint("layers", 1, 4)
            .qrandint("units", 32, 256, 32)
            .lograndint("width", 1, 1000)
            .qloguniform("decay", 0.001, 1, 0.001)
            .choice("optimizer", "sgd", "adam")
            .grid("batch", 16, 64)
            .randn("noise", 0, 1)
            .qrandn("shift", 5, 2, 0.5)
            .constant("epochs", 3)
            .randint("fixed", 7, 8)
            .nested("sgd", o -> o.uniform("momentum", 0.5, 0.99))
            .sampleFrom("warmup", c -> c.getLong("layers") * 10)
            .sampleFrom("nesterov", c -> c.get("optimizer").equals("sgd") ? Boolean.TRUE : null)
            .build();

    /** A loss that every numeric value moves, so that CMA-ES leaves the centre of the box. */
    static double loss(Config c) {
        return Math.log10(c.getDouble("lr")) + c.getDouble("dropout") + c.getLong("layers") + c.getLong("units") / 256.0
                + Math.log(c.getLong("width")) + c.getDouble("decay") + Math.abs(c.getDouble("noise") - 2)
                + c.getDouble("shift") + c.getDouble("sgd.momentum") + (c.get("optimizer").equals("adam") ? 0 : 1);
    }

    @Test
    void everyValueLiesInItsDomainWithItsType() {
        List<Config> configs = SearcherRuns.sequential(new CmaEsSearch(), SearcherRuns.problem(SPACE, 300, 11), CmaEsSpaceTest::loss);
        assertEquals(300, configs.size());
        for (Config config : configs) {
            List<String> expected = new ArrayList<>(SPACE.domains().keySet());
            if (!config.get("optimizer").equals("sgd")) {
                expected.remove("nesterov");
            }
            assertEquals(expected, new ArrayList<>(config.asMap().keySet()), "declaration order, absent values left out");
            for (Map.Entry<String, Domain> entry : SPACE.domains().entrySet()) {
                if (config.has(entry.getKey())) {
                    check(entry.getKey(), entry.getValue(), config.get(entry.getKey()));
                }
            }
            assertEquals(config.getLong("layers") * 10, config.get("warmup"));
        }
    }

    private static void check(String name, Domain domain, Object value) {
        String where = name + "=" + value;
        if (domain instanceof IntDomain) {
            assertInstanceOf(Long.class, value, where);
        } else if (domain instanceof FloatDomain || domain instanceof NormalDomain) {
            assertInstanceOf(Double.class, value, where);
        }
        if (!(domain instanceof SampleFrom)) {
            assertTrue(domain.contains(value), where + " in " + domain.describe());
        }
        double q = domain instanceof FloatDomain f ? f.q() : domain instanceof NormalDomain n ? n.q() : 0;
        if (q > 0) {
            double steps = (Double) value / q;
            assertEquals(Math.rint(steps), steps, 1e-9, where + " is a multiple of " + q);
        }
        if (domain instanceof FloatDomain f && f.log()) {
            assertTrue((Double) value > 0, where);
        }
    }

    @Test
    void categoricalAndGridValuesAreDrawnUniformlyWhateverTheResults() {
        List<Config> configs = SearcherRuns.sequential(new CmaEsSearch(), SearcherRuns.problem(SPACE, 300, 12), CmaEsSpaceTest::loss);
        Map<Object, Integer> optimizers = new HashMap<>();
        Map<Object, Integer> batches = new HashMap<>();
        for (Config config : configs) {
            optimizers.merge(config.get("optimizer"), 1, Integer::sum);
            batches.merge(config.get("batch"), 1, Integer::sum);
        }
        for (Map<Object, Integer> counts : List.of(optimizers, batches)) {
            assertEquals(2, counts.size());
            for (int count : counts.values()) {
                assertTrue(count > 110 && count < 190, "uniform, not learnt: " + counts);
            }
        }
    }

    @Test
    void integerAndQuantisedValuesReachTheOptimumExactly() {
        Space space = Space.builder().randint("n", 0, 20).quniform("q", 0, 1, 0.1).uniform("x", -1, 1).build();
        List<Config> configs = SearcherRuns.sequential(new CmaEsSearch(), SearcherRuns.problem(space, 150, 3), c -> {
            double dn = c.getLong("n") - 7;
            double dq = c.getDouble("q") - 0.3;
            return dn * dn + 100 * dq * dq + c.getDouble("x") * c.getDouble("x");
        });
        assertTrue(configs.stream().anyMatch(c -> c.getLong("n") == 7 && c.getDouble("q") == 0.3), "reaches n=7, q=0.3");
    }

    @Test
    void aNormalDomainIsUnbounded() {
        Space space = Space.builder().randn("z", 0, 1).uniform("x", 0, 1).build();
        List<Config> configs = SearcherRuns.sequential(new CmaEsSearch(), SearcherRuns.problem(space, 200, 4),
                c -> Math.abs(c.getDouble("z") - 5) + Math.abs(c.getDouble("x") - 0.5));
        assertTrue(configs.stream().anyMatch(c -> Math.abs(c.getDouble("z") - 5) < 0.01), "finds z = 5, 5 sd out");
    }

    @Test
    void oneNumericHyperparameterIsSearchedByCmaEs() {
        CmaEsSearch searcher = new CmaEsSearch();
        List<Config> configs = SearcherRuns.sequential(searcher, SearcherRuns.problem(Space.builder().uniform("x", -10, 10).build(),
                80, 5), c -> Math.pow(c.getDouble("x") - 3, 2));
        assertEquals(1, searcher.state().mean().size());
        assertTrue(SearcherRuns.best(configs, c -> Math.pow(c.getDouble("x") - 3, 2)) < 1e-6);
    }

    @Test
    void withoutNumericValuesEverythingIsRandomAndReproducible() {
        Space space = Space.builder().choice("c", "a", "b", "c").grid("g", 1, 2).constant("k", "v")
                .randint("one", 4, 5).build();
        List<Config> first = SearcherRuns.sequential(new CmaEsSearch(), SearcherRuns.problem(space, 30, 9), c -> 0);
        assertEquals(first, SearcherRuns.sequential(new CmaEsSearch(), SearcherRuns.problem(space, 30, 9), c -> 0));
        assertTrue(first.stream().allMatch(c -> c.get("k").equals("v") && c.get("one").equals(4L)));
        assertEquals(3, first.stream().map(c -> c.get("c")).distinct().count());
        CmaEsSearch searcher = new CmaEsSearch();
        SearcherRuns.sequential(searcher, SearcherRuns.problem(space, 5, 9), c -> 0);
        assertTrue(searcher.state().mean().isEmpty());
    }

    @Test
    void sampleFromSeesTheSearchedValues() {
        Space space = Space.builder().uniform("x", 0, 1).uniform("y", 0, 1)
                .sampleFrom("sum", c -> c.getDouble("x") + c.getDouble("y"))
                .sampleFrom("big", c -> c.getDouble("sum") > 1 ? "yes" : null)
                .build();
        List<Config> configs = SearcherRuns.sequential(new CmaEsSearch(), SearcherRuns.problem(space, 60, 2),
                c -> Math.abs(c.getDouble("sum") - 1));
        boolean sawAbsent = false;
        for (Config config : configs) {
            assertEquals(config.getDouble("x") + config.getDouble("y"), config.getDouble("sum"), 0);
            assertEquals(config.getDouble("sum") > 1, config.has("big"));
            sawAbsent |= !config.has("big");
        }
        assertTrue(sawAbsent);
        assertFalse(configs.stream().allMatch(c -> !c.has("big")));
    }

    @Test
    void axesGiveEachValueAnEqualSliceOfTheBox() {
        Axis ints = Axis.of(IntDomain.between(1, 3));
        assertEquals(1L, ints.decode(0));
        assertEquals(1L, ints.decode(0.33));
        assertEquals(2L, ints.decode(0.34));
        assertEquals(2L, ints.decode(0.66));
        assertEquals(3L, ints.decode(0.67));
        assertEquals(3L, ints.decode(1));
        assertEquals(0.5, ints.encode(2L), 1e-12);
        Axis logInts = Axis.of(IntDomain.lograndint(1, 1001, 10));
        assertEquals(1L, logInts.decode(0));
        assertEquals(1000L, logInts.decode(1));
        Axis floats = Axis.of(FloatDomain.logUniform(1e-4, 1e-1));
        assertEquals(1e-4, (Double) floats.decode(-3), 1e-18);
        assertEquals(0.5, floats.encode(floats.decode(0.5)), 1e-12);
        Axis normal = Axis.of(NormalDomain.randn(2, 3));
        assertEquals(2.0, normal.decode(0.5));
        assertEquals(1.5, normal.encode(20.0), 1e-12);
        assertEquals(null, Axis.of(IntDomain.between(4, 4)));
        assertEquals(null, Axis.of(FloatDomain.quniform(0.1, 0.15, 0.1)));
        assertEquals(null, Axis.of(new Categorical(List.of(1, 2))));
        assertEquals(null, Axis.of(new Grid(List.of(1, 2))));
        assertEquals(null, Axis.of(new Constant(1)));
    }
}
