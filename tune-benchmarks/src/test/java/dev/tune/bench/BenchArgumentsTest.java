package dev.tune.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench command line: options first, the benchmark id last. */
class BenchArgumentsTest {

    @Test
    void searchersAndRepeatsBeforeTheId() {
        Bench.Arguments arguments = Bench.Arguments.parse(new String[] {"--searchers", "tpe, random,tpe", "--repeats", "1",
            "B4"});
        assertEquals(List.of("tpe", "random"), arguments.searchers());
        assertEquals(1, arguments.repeats());
        assertEquals("B4", arguments.id());
        assertEquals(List.of("tpe", "random"), arguments.searchersOr(B4Quality.DEFAULT_SEARCHERS));
    }

    @Test
    void defaultsWithoutSearchers() {
        Bench.Arguments arguments = Bench.Arguments.parse(new String[] {"B4"});
        assertEquals(3, arguments.repeats());
        assertEquals(List.of("auto", "tpe", "tpe_multivariate", "cmaes", "random"),
                arguments.searchersOr(B4Quality.DEFAULT_SEARCHERS));
        assertEquals(List.of("random", "tpe", "cmaes"), Bench.Arguments.parse(new String[] {"B1"})
                .searchersOr(Bench.B1_SEARCHERS));
    }

    @Test
    void rejectsMisplacedOrEmptyOptions() {
        assertThrows(IllegalArgumentException.class, () -> Bench.Arguments.parse(new String[] {"B4", "--searchers"}));
        assertThrows(IllegalArgumentException.class, () -> Bench.Arguments.parse(new String[] {"--searchers", "B4"}));
        assertThrows(IllegalArgumentException.class, () -> Bench.Arguments.parse(new String[] {"--searchers", "tpe,", "B4"}));
        assertThrows(IllegalArgumentException.class, () -> Bench.Arguments.parse(new String[] {"--searchers", "tpe", "B2"}));
        assertEquals(1000, Bench.Arguments.parse(new String[] {"--trials", "1000", "B6"}).trialsOr(100_000));
        assertEquals(100_000, Bench.Arguments.parse(new String[] {"B6"}).trialsOr(100_000));
        assertEquals(200, Bench.Arguments.parse(new String[] {"--trials", "200", "B9"}).trialsOr(1000));
        assertThrows(IllegalArgumentException.class, () -> Bench.Arguments.parse(new String[] {"--trials", "5", "B2"}));
        assertEquals(List.of(16, 64), Bench.Arguments.parse(new String[] {"--workers", "16,64", "B7"})
                .workersOr(List.of(1)));
        assertThrows(IllegalArgumentException.class, () -> Bench.Arguments.parse(new String[] {"--workers", "2", "B6"}));
        assertThrows(IllegalArgumentException.class, () -> Bench.Arguments.parse(new String[] {"B10"}));
    }

    @Test
    void b4wTakesSearchersSeedsAndOneWorkerCount() {
        Bench.Arguments arguments = Bench.Arguments.parse(new String[] {"--searchers", "tpe", "--seeds", "5", "--workers",
            "2", "B4W"});
        assertEquals(List.of("tpe"), arguments.searchersOr(B4Workers.DEFAULT_SEARCHERS));
        assertEquals(5, arguments.seedsOr(20));
        assertEquals(List.of(2), arguments.workersOr(List.of(4)));
        Bench.Arguments defaults = Bench.Arguments.parse(new String[] {"B4W"});
        assertEquals(List.of("auto", "tpe"), defaults.searchersOr(B4Workers.DEFAULT_SEARCHERS));
        assertEquals(20, defaults.seedsOr(20));
        assertThrows(IllegalArgumentException.class, () -> Bench.Arguments.parse(new String[] {"--workers", "2,4", "B4W"}));
        assertThrows(IllegalArgumentException.class, () -> Bench.Arguments.parse(new String[] {"--seeds", "5", "B4"}));
        assertThrows(IllegalArgumentException.class, () -> Bench.Arguments.parse(new String[] {"--seeds", "0", "B4W"}));
    }
}
