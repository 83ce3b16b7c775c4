package dev.tune.trainable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Choice;
import dev.tune.LogUniform;
import dev.tune.Param;
import dev.tune.RandInt;
import dev.tune.SearchSpace;
import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;
import dev.tune.space.Space;
import org.junit.jupiter.api.Test;

/** Every bad-input case of the annotation API fails at read time with a message naming class, member and annotation. */
class BadInputTest {

    @Trainable
    static class MinNotBelowMax {
        @Uniform(lower = 5, upper = 1)
        double lr;

        @Step
        double step() {
            return lr;
        }
    }

    @Test
    void minNotBelowMax() {
        assertMessage(MinNotBelowMax.class, "field 'lr'", "@Uniform", "lower (5.0) must be below upper (1.0)");
    }

    @Trainable
    static class LogWithZeroBound {
        @Step
        double step(@LogUniform(lower = 0, upper = 1) double lr) {
            return lr;
        }
    }

    @Test
    void logDomainWithNonPositiveBound() {
        assertMessage(LogWithZeroBound.class, "parameter 'lr' of method step(double)", "@LogUniform",
                "a log domain needs positive bounds, got lower=0.0");
    }

    @Trainable
    static class EmptyChoice {
        @Choice({})
        String optimizer;

        @Step
        double step() {
            return 1;
        }
    }

    @Test
    void emptyChoice() {
        assertMessage(EmptyChoice.class, "field 'optimizer'", "@Choice", "a choice needs at least one value");
    }

    @Trainable
    static class ChoiceThatDoesNotConvert {
        @Choice({"16", "32", "big"})
        int batch;

        @Step
        double step() {
            return batch;
        }
    }

    @Test
    void choiceValueThatDoesNotConvert() {
        assertMessage(ChoiceThatDoesNotConvert.class, "field 'batch'", "@Choice",
                "value \"big\" does not convert to int");
    }

    enum Optimizer { SGD, ADAM }

    @Trainable
    static class EnumChoice {
        @Choice({"sgd", "RMSPROP"})
        Optimizer optimizer;

        @Step
        double step() {
            return 1;
        }
    }

    @Test
    void enumChoiceNamesTheConstants() {
        assertMessage(EnumChoice.class, "field 'optimizer'", "@Choice", "'RMSPROP' is not a constant of Optimizer [SGD, ADAM]");
    }

    @Trainable
    static class StaticField {
        @Uniform(lower = 0, upper = 1)
        static double lr;

        @Step
        double step() {
            return lr;
        }
    }

    @Test
    void domainOnStaticField() {
        assertMessage(StaticField.class, "field 'lr'", "@Uniform", "the field is static",
                "make it a non-static, non-final field");
    }

    @Trainable
    static class FinalField {
        @Uniform(lower = 0, upper = 1)
        final double lr = 0.5;

        @Step
        double step() {
            return lr;
        }
    }

    @Test
    void domainOnFinalField() {
        assertMessage(FinalField.class, "field 'lr'", "@Uniform", "the field is final");
    }

    @Trainable
    static class TwoDomains {
        @Uniform(lower = 0, upper = 1)
        @RandInt(lower = 0, upper = 10)
        double lr;

        @Step
        double step() {
            return lr;
        }
    }

    @Test
    void twoDomainAnnotationsOnOneMember() {
        assertMessage(TwoDomains.class, "field 'lr'", "it carries 2 hyperparameter annotations [@Uniform, @RandInt]",
                "keep exactly one");
    }

    @Trainable
    static class NoStep {
        @Uniform(lower = 0, upper = 1)
        double lr;
    }

    @Test
    void classTrainableWithoutStep() {
        assertMessage(NoStep.class, "(@Trainable)", "has no @Step method", "add a method annotated @Step");
    }

    @Trainable
    static class UnsuppliableStepParameter {
        @Step
        double step(String dataset) {
            return 1;
        }
    }

    @Test
    void stepParameterThatCannotBeSupplied() {
        assertMessage(UnsuppliableStepParameter.class, "parameter 'dataset' of method step(String)", "@Step",
                "tune cannot supply a String here", "annotate the parameter with a domain annotation");
    }

    static class UnsuppliableFunctionParameter {
        @Trainable
        static double train(@Uniform(lower = 0, upper = 1) double lr, java.util.List<String> data) {
            return lr;
        }
    }

    @Test
    void functionParameterThatCannotBeSupplied() {
        assertMessage(UnsuppliableFunctionParameter.class, "parameter 'data' of method train(double, List)",
                "@Trainable", "tune cannot supply a List here");
    }

    @Trainable
    static class NoUsableConstructor {
        NoUsableConstructor(String path) {
        }

        @Step
        double step() {
            return 1;
        }
    }

    @Test
    void constructorThatCannotBeCalled() {
        assertMessage(NoUsableConstructor.class, "constructor NoUsableConstructor(String)",
                "tune cannot call any constructor", "add a no-arg constructor");
    }

    @Trainable
    static class UnknownParam {
        @Param("momentum")
        double momentum;

        @Step
        double step() {
            return momentum;
        }
    }

    @Test
    void paramNamingNoHyperparameter() {
        assertMessage(UnknownParam.class, "field 'momentum'", "@Param", "no hyperparameter named 'momentum'");
    }

    @Trainable
    static class DuplicateName {
        @Uniform(lower = 0, upper = 1)
        double lr;

        @SearchSpace
        static Space space() {
            return Space.builder().loguniform("lr", 1e-4, 1e-1).build();
        }

        @Step
        double step() {
            return lr;
        }
    }

    @Test
    void nameDeclaredTwice() {
        assertMessage(DuplicateName.class, "method space()", "@SearchSpace",
                "hyperparameter 'lr' is already declared by field 'lr'");
    }

    @Trainable
    static class InstanceSearchSpace {
        @SearchSpace
        Space space() {
            return Space.empty();
        }

        @Step
        double step() {
            return 1;
        }
    }

    @Test
    void searchSpaceMustBeStatic() {
        assertMessage(InstanceSearchSpace.class, "method space()", "@SearchSpace", "it is not static");
    }

    @Trainable(metric = {"loss", "accuracy"}, mode = dev.tune.Mode.MIN)
    static class ModesDoNotMatchMetrics {
        @Step
        double step() {
            return 1;
        }
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
