package dev.tune.bench;

/**
 * The user class {@link InvokerBenchmark} calls into: a plain class with a cheap step method, as a
 * trainable's {@code @Step} would be, and a static variant, as a Function API trainable would be.
 * Public so that a generated invoker in another class loader may call it.
 */
public class StepModel {

    private final double decay;

    public StepModel(double decay) {
        this.decay = decay;
    }

    public double step(double lr, int batch) {
        return lr * batch * decay;
    }

    public static double stepStatic(double lr, int batch) {
        return lr * batch;
    }
}
