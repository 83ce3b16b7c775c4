package dev.tune.trainable.examples;

import dev.tune.Step;
import dev.tune.Trainable;
import dev.tune.Uniform;

/** Its step returns a bean whose numeric getters are its metrics and whose {@code isDone} ends the trial. */
@Trainable(metric = "loss")
public class ReturnsBean {

    /** A bean whose numeric getters are metrics. */
    public static final class Stats {
        private final double loss;

        Stats(double loss) {
            this.loss = loss;
        }

        public double getLoss() {
            return loss;
        }

        public boolean isDone() {
            return true;
        }

        public String getNote() {
            return "not a metric";
        }
    }

    @Uniform(lower = 0, upper = 1)
    double x;

    @Step
    Stats step() {
        return new Stats(x);
    }
}
