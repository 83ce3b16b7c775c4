package dev.tune.junit.examples;

import dev.tune.Choice;
import dev.tune.LogUniform;
import dev.tune.RandInt;
import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;

/** One invalid trainable per bad-input case of the annotation API. */
public final class Invalid {

    private Invalid() {
    }

    @Trainable
    public static class MinNotBelowMax {
        @Uniform(lower = 5, upper = 1)
        double lr;

        @Step
        double step() {
            return lr;
        }
    }

    @Trainable
    public static class LogWithZeroBound {
        @LogUniform(lower = 0, upper = 1)
        double lr;

        @Step
        double step() {
            return lr;
        }
    }

    @Trainable
    public static class EmptyChoice {
        @Choice({})
        String optimizer;

        @Step
        double step() {
            return 1;
        }
    }

    @Trainable
    public static class ChoiceThatDoesNotConvert {
        @Choice({"16", "big"})
        int batch;

        @Step
        double step() {
            return batch;
        }
    }

    @Trainable
    public static class StaticField {
        @Uniform(lower = 0, upper = 1)
        static double lr;

        @Step
        double step() {
            return lr;
        }
    }

    @Trainable
    public static class FinalField {
        @Uniform(lower = 0, upper = 1)
        final double lr = 0.5;

        @Step
        double step() {
            return lr;
        }
    }

    @Trainable
    public static class TwoDomains {
        @Uniform(lower = 0, upper = 1)
        @RandInt(lower = 0, upper = 10)
        double lr;

        @Step
        double step() {
            return lr;
        }
    }

    @Trainable
    public static class NoStep {
        @Uniform(lower = 0, upper = 1)
        double lr;
    }

    @Trainable
    public static class UnsuppliableParameter {
        @Step
        double step(String dataset) {
            return 1;
        }
    }

    @Trainable
    public static class ThrowingConstructor {
        public ThrowingConstructor() {
            throw new IllegalStateException("no GPU found");
        }

        @Step
        double step() {
            return 1;
        }
    }
}
