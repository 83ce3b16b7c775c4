package dev.tune.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionTest {

    @Test
    void noPatternSelectsEverything() {
        Selection all = Selection.of(null);
        assertTrue(all.all());
        assertTrue(all.matches("com.acme.Anything"));
        assertTrue(Selection.of(List.of(" ", "")).all());
    }

    @Test
    void aPatternMatchesAnyOfTheNamesGiven() {
        Selection selection = Selection.of(List.of("Model"));
        assertTrue(selection.matches("com.acme.Model", "Model", "quick"));
        assertFalse(selection.matches("com.acme.Model2", "Model2", "Model2"));
    }

    @Test
    void starMatchesAnyCharactersAnywhere() {
        Selection selection = Selection.of(List.of("*Alpha*"));
        assertTrue(selection.matches("com.acme.AlphaModel"));
        assertTrue(selection.matches("Alpha"));
        assertFalse(selection.matches("com.acme.Beta"));
        assertTrue(Selection.of(List.of("com.acme.*")).matches("com.acme.sub.Model"));
        assertTrue(Selection.of(List.of("*Model")).matches("com.acme.Model"));
        assertFalse(Selection.of(List.of("*Model")).matches("com.acme.Model.train"));
    }

    @Test
    void everythingButTheStarIsLiteral() {
        Selection selection = Selection.of(List.of("a.b(c)"));
        assertTrue(selection.matches("a.b(c)"));
        assertFalse(selection.matches("axb(c)"));
    }

    @Test
    void valuesMayHoldSeveralPatternsSeparatedByCommas() {
        Selection selection = Selection.of(List.of("*Alpha*, Beta", "Gamma"));
        assertEquals(List.of("*Alpha*", "Beta", "Gamma"), selection.patterns());
        assertTrue(selection.matches("Beta"));
        assertTrue(selection.matches("Gamma"));
        assertFalse(selection.matches("Delta"));
    }

    @Test
    void onlyAPatternWithoutStarNamesATestFixture() {
        assertFalse(Selection.of(null).names("com.acme.examples.Flaky", "Flaky", "flaky"), "no pattern names nothing");
        assertFalse(Selection.of(List.of("*")).names("com.acme.examples.Flaky", "Flaky", "flaky"));
        assertFalse(Selection.of(List.of("*Flaky")).names("com.acme.examples.Flaky", "Flaky", "flaky"));
        assertTrue(Selection.of(List.of("flaky")).names("com.acme.examples.Flaky", "Flaky", "flaky"));
        assertTrue(Selection.of(List.of("quick,com.acme.examples.Flaky")).names("com.acme.examples.Flaky", "Flaky"));
        assertFalse(Selection.of(List.of("Flak")).names("com.acme.examples.Flaky", "Flaky"), "a full name, not a part");
    }
}
