package dev.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ConfigTest {

    private final Config config = Config.of(ordered("lr", 0.01, "batch", 32L, "epochs", 3, "ratio", 2.0,
            "half", 0.5, "name", "adam", "flag", true, "big", 3_000_000_000L));

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void typedGettersConvertBetweenNumberWidths() {
        assertEquals(0.01, config.getDouble("lr"));
        assertEquals(32, config.getInt("batch"));
        assertEquals(3L, config.getLong("epochs"));
        assertEquals(3.0, config.getDouble("epochs"));
        assertEquals(2, config.getInt("ratio"), "a whole double converts to an int");
        assertEquals(3_000_000_000L, config.getLong("big"));
        assertEquals(0.5f, config.get("half", Float.class));
        assertEquals((short) 32, config.get("batch", Short.class));
        assertEquals((byte) 3, config.get("epochs", byte.class));
        assertEquals(32, config.get("batch", int.class));
        assertEquals(32L, config.get("batch", Number.class), "Number keeps the stored value");
    }

    @Test
    void nonNumbersAreReturnedAsTheyAre() {
        assertTrue(config.getBoolean("flag"));
        assertEquals("adam", config.get("name", String.class));
        assertEquals("adam", config.getString("name"));
        assertEquals("0.01", config.getString("lr"));
        assertEquals("adam", config.get("name", CharSequence.class));
    }

    @Test
    void aMissingNameListsTheNamesPresent() {
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> config.getDouble("momentum"));
        assertEquals("No hyperparameter 'momentum' in this trial's config; it has "
                + "[lr, batch, epochs, ratio, half, name, flag, big]", e.getMessage());
        assertThrows(NoSuchElementException.class, () -> Config.empty().get("x"));
    }

    @Test
    void aValueOfTheWrongKindSaysWhatItIs() {
        assertEquals("Hyperparameter 'name' is String adam, not Double",
                assertThrows(ClassCastException.class, () -> config.getDouble("name")).getMessage());
        assertEquals("Hyperparameter 'lr' is Double 0.01, not Boolean",
                assertThrows(ClassCastException.class, () -> config.getBoolean("lr")).getMessage());
        assertEquals("Hyperparameter 'flag' is Boolean true, not Integer",
                assertThrows(ClassCastException.class, () -> config.getInt("flag")).getMessage());
    }

    @Test
    void aFractionIsNotAWholeNumber() {
        assertEquals("Hyperparameter 'half' is 0.5, which is not a whole number for Integer",
                assertThrows(ClassCastException.class, () -> config.getInt("half")).getMessage());
        assertThrows(ClassCastException.class, () -> Config.of(Map.of("x", Double.NaN)).getLong("x"));
    }

    @Test
    void aNumberOutOfRangeIsRejectedNotTruncated() {
        assertEquals("Hyperparameter 'big' is 3000000000, which is out of range for Integer",
                assertThrows(ClassCastException.class, () -> config.getInt("big")).getMessage());
        assertThrows(ClassCastException.class, () -> Config.of(Map.of("x", 1e20)).getLong("x"));
        assertThrows(ClassCastException.class, () -> Config.of(Map.of("x", Double.POSITIVE_INFINITY)).getLong("x"));
        assertThrows(ClassCastException.class, () -> Config.of(Map.of("x", 100_000)).get("x", Short.class));
        assertThrows(ClassCastException.class, () -> Config.of(Map.of("x", 128)).get("x", byte.class));
        assertEquals(Long.MAX_VALUE, Config.of(Map.of("x", Long.MAX_VALUE)).getLong("x"));
        assertEquals(Integer.MIN_VALUE, Config.of(Map.of("x", (long) Integer.MIN_VALUE)).getInt("x"));
    }

    @Test
    void aNullValueIsPresentButHasNoType() {
        Map<String, Object> values = new HashMap<>();
        values.put("x", null);
        Config withNull = Config.of(values);
        assertTrue(withNull.has("x"));
        assertNull(withNull.get("x"));
        assertEquals("Hyperparameter 'x' is null, not Double",
                assertThrows(ClassCastException.class, () -> withNull.getDouble("x")).getMessage());
    }

    @Test
    void configsAreImmutableCopiesInOrder() {
        Map<String, Object> source = ordered("b", 1, "a", 2);
        Config copy = Config.of(source);
        source.put("c", 3);
        assertEquals(List.of("b", "a"), List.copyOf(copy.asMap().keySet()));
        assertFalse(copy.has("c"));
        assertThrows(UnsupportedOperationException.class, () -> copy.asMap().put("d", 4));
        assertEquals(2, copy.size());
    }

    @Test
    void equalityFollowsTheValues() {
        assertEquals(Config.of(Map.of("a", 1)), Config.of(Map.of("a", 1)));
        assertEquals(Config.of(Map.of("a", 1)).hashCode(), Config.of(Map.of("a", 1)).hashCode());
        assertFalse(Config.of(Map.of("a", 1)).equals(Config.of(Map.of("a", 2))));
        assertSame(Config.empty(), Config.of(Map.of()));
        assertEquals("{b=1, a=2}", Config.of(ordered("b", 1, "a", 2)).toString());
    }
}
