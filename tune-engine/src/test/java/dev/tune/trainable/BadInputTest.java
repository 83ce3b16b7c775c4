package dev.tune.trainable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.trainable.examples.ChoiceThatDoesNotConvert;
import dev.tune.trainable.examples.DuplicateName;
import dev.tune.trainable.examples.EmptyChoice;
import dev.tune.trainable.examples.EnumChoice;
import dev.tune.trainable.examples.FinalField;
import dev.tune.trainable.examples.InstanceSearchSpace;
import dev.tune.trainable.examples.LogWithZeroBound;
import dev.tune.trainable.examples.MinNotBelowMax;
import dev.tune.trainable.examples.ModesDoNotMatchMetrics;
import dev.tune.trainable.examples.NoStep;
import dev.tune.trainable.examples.NoUsableConstructor;
import dev.tune.trainable.examples.StaticField;
import dev.tune.trainable.examples.TwoDomains;
import dev.tune.trainable.examples.UnknownParam;
import dev.tune.trainable.examples.UnsuppliableFunctionParameter;
import dev.tune.trainable.examples.UnsuppliableStepParameter;
import org.junit.jupiter.api.Test;

/** Every bad-input case of the annotation API fails at read time with a message naming class, member and annotation. */
class BadInputTest {

    @Test
    void minNotBelowMax() {
        assertMessage(MinNotBelowMax.class, "field 'lr'", "@Uniform", "lower (5.0) must be below upper (1.0)");
    }

    @Test
    void logDomainWithNonPositiveBound() {
        assertMessage(LogWithZeroBound.class, "parameter 'lr' of method step(double)", "@LogUniform",
                "a log domain needs positive bounds, got lower=0.0");
    }

    @Test
    void emptyChoice() {
        assertMessage(EmptyChoice.class, "field 'optimizer'", "@Choice", "a choice needs at least one value");
    }

    @Test
    void choiceValueThatDoesNotConvert() {
        assertMessage(ChoiceThatDoesNotConvert.class, "field 'batch'", "@Choice",
                "value \"big\" does not convert to int");
    }

    @Test
    void enumChoiceNamesTheConstants() {
        assertMessage(EnumChoice.class, "field 'optimizer'", "@Choice", "'RMSPROP' is not a constant of Optimizer [SGD, ADAM]");
    }

    @Test
    void domainOnStaticField() {
        assertMessage(StaticField.class, "field 'lr'", "@Uniform", "the field is static",
                "make it a non-static, non-final field");
    }

    @Test
    void domainOnFinalField() {
        assertMessage(FinalField.class, "field 'lr'", "@Uniform", "the field is final");
    }

    @Test
    void twoDomainAnnotationsOnOneMember() {
        assertMessage(TwoDomains.class, "field 'lr'", "it carries 2 hyperparameter annotations [@Uniform, @RandInt]",
                "keep exactly one");
    }

    @Test
    void classTrainableWithoutStep() {
        assertMessage(NoStep.class, "(@Trainable)", "has no @Step method", "add a method annotated @Step");
    }

    @Test
    void stepParameterThatCannotBeSupplied() {
        assertMessage(UnsuppliableStepParameter.class, "parameter 'dataset' of method step(String)", "@Step",
                "tune cannot supply a String here", "annotate the parameter with a domain annotation");
    }

    @Test
    void functionParameterThatCannotBeSupplied() {
        assertMessage(UnsuppliableFunctionParameter.class, "parameter 'data' of method train(double, List)",
                "@Trainable", "tune cannot supply a List here");
    }

    @Test
    void constructorThatCannotBeCalled() {
        assertMessage(NoUsableConstructor.class, "constructor NoUsableConstructor(String)",
                "tune cannot call any constructor", "add a no-arg constructor");
    }

    @Test
    void paramNamingNoHyperparameter() {
        assertMessage(UnknownParam.class, "field 'momentum'", "@Param", "no hyperparameter named 'momentum'");
    }

    @Test
    void nameDeclaredTwice() {
        assertMessage(DuplicateName.class, "method space()", "@SearchSpace",
                "hyperparameter 'lr' is already declared by field 'lr'");
    }

    @Test
    void searchSpaceMustBeStatic() {
        assertMessage(InstanceSearchSpace.class, "method space()", "@SearchSpace", "it is not static");
    }

    @Test
    void oneModePerMetric() {
        assertMessage(ModesDoNotMatchMetrics.class, "(@Trainable)", "has 2 names but mode [MIN] has 1");
    }

    private static void assertMessage(Class<?> type, String... parts) {
        InvalidTrainableException e = assertThrows(InvalidTrainableException.class, () -> Experiment.of(type));
        assertTrue(e.getMessage().startsWith("Invalid trainable " + type.getName()), e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "expected '" + part + "' in: " + e.getMessage());
        }
        assertEquals(type.getName(), e.trainable());
    }
}
