package dev.tune.search;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

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
    void aFullyQualifiedClassName() {
        assertInstanceOf(RandomSearch.class, Searchers.byName(RandomSearch.class.getName()));
        assertInstanceOf(RecordingSearcher.class, Searchers.byName("dev.tune.search.RecordingSearcher"));
    }

    @Test
    void anUnknownNameListsTheKnownNamesAndTheClassNameForm() {
        for (String name : new String[] {"hyperopt", "com.example.Missing", "", null}) {
            String message = assertThrows(IllegalArgumentException.class, () -> Searchers.byName(name)).getMessage();
            assertTrue(message.startsWith("unknown searcher '" + name + "'"), message);
            assertTrue(message.contains("[auto, random, grid, tpe, tpe_multivariate, cmaes, bohb, nsga2, gp]"), message);
            assertTrue(message.contains("fully qualified name of a class that implements dev.tune.search.Searcher"
                    + " with a public no-argument constructor"), message);
        }
    }

    @Test
    void aClassThatIsNotASearcher() {
        assertMessage("searcher class java.lang.String is not a concrete class that implements "
                + "dev.tune.search.Searcher", "java.lang.String");
        assertMessage("is not a concrete class", Searcher.class.getName());
    }

    @Test
    void aClassWithoutAPublicNoArgumentConstructor() {
        assertMessage("needs a public no-argument constructor", NeedsArgument.class.getName());
        assertMessage("must be public", Hidden.class.getName());
    }

    @Test
    void aConstructorThatThrows() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Searchers.byName(Broken.class.getName()));
        assertTrue(e.getMessage().contains("creating searcher " + Broken.class.getName() + " failed"), e.getMessage());
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    private static void assertMessage(String expected, String name) {
        String message = assertThrows(IllegalArgumentException.class, () -> Searchers.byName(name)).getMessage();
        assertTrue(message.contains(expected), () -> "expected '" + expected + "' in: " + message);
    }
}
