package dev.tune.process.examples;

import dev.tune.Resources;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;
import java.util.Map;

/**
 * Trials on declared (fake) GPUs in child JVMs: each reports the ids it got, what its JVM's
 * {@code CUDA_VISIBLE_DEVICES} says (as a number: "1" is 1, "0,1" is 1001, empty is -1), and a system
 * property given through the children's JVM options.
 */
public final class OnGpus {

    private OnGpus() {
    }

    @Trainable(metric = "loss", samples = 6, maxConcurrentTrials = 2)
    @Resources(cpu = 0, gpu = 1, isolation = "process", jvmArgs = "-Dongpus.marker=42")
    public static void whole(@Uniform(lower = 0, upper = 1) double x, TrialContext context) {
        String cuda = System.getenv("CUDA_VISIBLE_DEVICES");
        double visible = cuda == null || cuda.isEmpty() ? -1 : 0;
        if (visible == 0) {
            for (String id : cuda.split(",")) {
                visible = visible * 1000 + Integer.parseInt(id);
            }
        }
        context.report(Map.of("loss", x, "gpu", (double) context.gpuIds().get(0), "cuda", visible,
                "marker", Double.parseDouble(System.getProperty("ongpus.marker", "-1"))));
    }
}
