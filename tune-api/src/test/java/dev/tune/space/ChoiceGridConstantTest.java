package dev.tune.space;

import static dev.tune.space.FloatDomainTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChoiceGridConstantTest {

    @Test
    void choiceDrawsEveryValueUniformly() {
        Categorical choice = new Categorical(List.of("sgd", "adam", "rmsprop", 4));
        List<Object> values = Samples.draw(choice, Samples.MANY);
        for (Object value : choice.values()) {
            long count = values.stream().filter(value::equals).count();
            assertEquals(0.25, count / (double) values.size(), 0.015, "share of " + value);
        }
        assertTrue(values.stream().allMatch(choice::contains));
    }

    @Test
    void choiceAndGridCopyTheirValues() {
        List<Object> source = new ArrayList<>(List.of(1, 2));
        Categorical choice = new Categorical(source);
        Grid grid = new Grid(source);
        source.add(3);
        assertEquals(List.of(1, 2), choice.values());
        assertEquals(List.of(1, 2), grid.values());
        assertThrows(UnsupportedOperationException.class, () -> choice.values().add(5));
    }

    @Test
    void choiceAndGridNeedAValue() {
        assertMessage("a choice needs at least one value", () -> new Categorical(List.of()));
        assertMessage("a choice needs at least one value", () -> new Categorical(null));
        assertMessage("a grid search needs at least one value", () -> new Grid(List.of()));
    }

    @Test
    void containsUsesEquality() {
        Categorical choice = new Categorical(List.of(16, 32));
        assertTrue(choice.contains(32));
        assertFalse(choice.contains(64));
        Grid grid = new Grid(List.of("a", "b"));
        assertTrue(grid.contains("b"));
        assertFalse(grid.contains("c"));
    }

    @Test
    void gridAndSampleFromAreNotSampledDirectly() {
        SplittableRandom random = new SplittableRandom(1);
        assertThrows(UnsupportedOperationException.class, () -> new Grid(List.of(1)).sample(random));
        SampleFrom from = new SampleFrom(c -> 1);
        assertThrows(UnsupportedOperationException.class, () -> from.sample(random));
        assertTrue(from.contains("anything"));
        assertThrows(NullPointerException.class, () -> new SampleFrom(null));
    }

    @Test
    void constantAlwaysGivesItsValue() {
        Constant constant = new Constant("adam");
        assertEquals(List.of("adam"), Samples.draw(constant, 10).stream().distinct().toList());
        assertTrue(constant.contains("adam"));
        assertFalse(constant.contains("sgd"));
        assertEquals("adam", constant.describe());
        assertThrows(NullPointerException.class, () -> new Constant(null));
    }

    @Test
    void describeUsesRayNames() {
        assertEquals("choice[1, 2]", new Categorical(List.of(1, 2)).describe());
        assertEquals("grid[a, b]", new Grid(List.of("a", "b")).describe());
        assertEquals("sample_from(fn)", new SampleFrom(Config::size).describe());
    }
}
