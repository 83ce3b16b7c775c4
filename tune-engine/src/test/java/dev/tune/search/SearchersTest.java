package dev.tune.search;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.options.TuneOptions;
import dev.tune.run.Tuner;
import org.junit.jupiter.api.Test;

/** Searchers by name, and the user's own by class name as tune.searcher takes them. */
class SearchersTest {

    /** Not usable by name: it needs an argument. */
    public static final class NeedsArgument extends RecordingSearcher {
        public NeedsArgument(int configs) {
            super(configs);
        }
    }

    /** Not usable by name: its constructor fails. */
    public static final class Broken extends RecordingSearcher {
        public Broken() {
            throw new IllegalStateException("no GPU");
        }
    }

    /** Not usable by name: it is not public. */
    static final class Hidden extends RecordingSearcher {
    }

    @Test
    void builtInNamesInAnyCase() {
        assertInstanceOf(RandomSearch.class, Searchers.byName("random"));
        assertInstanceOf(RandomSearch.class, Searchers.byName("RANDOM"));
        assertInstanceOf(GridSearch.class, Searchers.byName("Grid"));
        assertInstanceOf(GridSearch.class, Searchers.byName(" grid "));
        assertNotSame(Searchers.byName("random"), Searchers.byName("random"), "a new searcher each time");
    }

    @Test
    void aFullyQualifiedClassNameInTuneSearcher() {
        assertInstanceOf(RandomSearch.class, searcher(RandomSearch.class.getName()));
        assertInstanceOf(RecordingSearcher.class, searcher("dev.tune.search.RecordingSearcher"));
    }

    @Test
    void anUnknownNameListsTheKnownNamesAndTheClassNameForm() {
        for (String name : new String[] {"hyperopt", "", null}) {
            String message = assertThrows(IllegalArgumentException.class, () -> Searchers.byName(name)).getMessage();
            assertTrue(message.startsWith("unknown searcher '" + name + "'"), message);
            assertTrue(message.contains("[auto, random, grid, tpe, tpe_multivariate, cmaes, bohb, nsga2, gp]"), message);
            assertTrue(message.contains("in tune.searcher, the fully qualified name of a class that implements"
                    + " dev.tune.search.Searcher"), message);
        }
        assertMessage("tune.searcher: no class com.example.Missing on the class path", "com.example.Missing");
    }

    @Test
    void aClassThatIsNotASearcher() {
        assertMessage("java.lang.String", "java.lang.String");
        assertMessage("tune.searcher: ", Searcher.class.getName());
    }

    @Test
    void aClassWithoutAPublicConstructorThatTakesTheOptionsOrNone() {
        assertMessage("needs a public constructor that takes TuneOptions (the experiment's options) or none",
                NeedsArgument.class.getName());
        assertMessage("must be a public top-level or public static nested class", Hidden.class.getName());
    }

    @Test
    void aConstructorThatThrows() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> searcher(Broken.class.getName()));
        assertTrue(e.getMessage().contains("creating " + Broken.class.getName() + " failed"), e.getMessage());
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    private static Searcher searcher(String name) {
        return Tuner.searcher(name, TuneOptions.builder().build());
    }

    private static void assertMessage(String expected, String name) {
        String message = assertThrows(IllegalArgumentException.class, () -> searcher(name)).getMessage();
        assertTrue(message.contains(expected), () -> "expected '" + expected + "' in: " + message);
    }
}
