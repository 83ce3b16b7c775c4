package dev.tune.run;

import com.sun.management.OperatingSystemMXBean;
import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many trials run at once: as many as the machine's resources hold for one trial's request
 * (Ray's {@code resources_per_trial}), capped by {@code maxConcurrentTrials}. Every trial of an
 * experiment asks for the same resources, so this count is the whole admission rule.
 */
final class Concurrency {

    /** Upper bound when no resource limits trials and no maximum is set. */
    static final int UNBOUNDED_CAP = 256;

    private Concurrency() {
    }

    static int workers(TuneOptions options) {
        Map<String, double[]> needs = new LinkedHashMap<>();
        needs.put("cpu", new double[] {options.resolve(TuneOption.CPU), options.resolve(TuneOption.TOTAL_CPU)});
        needs.put("gpu", new double[] {options.resolve(TuneOption.GPU), totalGpu(options)});
        needs.put("memoryMb", new double[] {options.resolve(TuneOption.MEMORY_MB), memoryMb(options)});
        Map<String, Double> totals = options.resolve(TuneOption.TOTAL_CUSTOM);
        options.resolve(TuneOption.CUSTOM_RESOURCES).forEach((name, need) ->
                needs.put(name, new double[] {need, totals.getOrDefault(name, 0.0)}));
        long fit = Long.MAX_VALUE;
        for (Map.Entry<String, double[]> entry : needs.entrySet()) {
            double need = entry.getValue()[0];
            double total = entry.getValue()[1];
            if (need < 0) {
                throw new IllegalArgumentException("a trial cannot need a negative amount of " + entry.getKey());
            }
            if (need > 0) {
                if (need > total + 1e-9) {
                    throw new IllegalArgumentException("a trial needs " + entry.getKey() + "=" + need
                            + " but this machine offers " + total + "; lower the request or declare the machine's "
                            + "total with tune.resources.total" + capitalized(entry.getKey()));
                }
                fit = Math.min(fit, (long) Math.floor(total / need + 1e-9));
            }
        }
        int max = options.resolve(TuneOption.MAX_CONCURRENT_TRIALS);
        if (max < 0) {
            throw new IllegalArgumentException("tune.maxConcurrentTrials must be 0 (no limit) or more, got " + max);
        }
        long workers = Math.min(fit, max > 0 ? max : UNBOUNDED_CAP);
        return (int) Math.max(1, workers);
    }

    /**
     * The GPUs this machine offers: {@code tune.resources.totalGpu} when declared, else those found
     * ({@link Gpus#detected}), looked for only when a trial asks for GPUs.
     */
    static double totalGpu(TuneOptions options) {
        return options.get(TuneOption.TOTAL_GPU)
                .orElseGet(() -> options.resolve(TuneOption.GPU) > 0 ? Gpus.detected() : 0.0);
    }

    /**
     * The memory trials share, in MiB: this JVM's heap when trials run in it, the machine's memory
     * when each has a child JVM of its own ({@code tune.isolation=process}).
     */
    static double memoryMb(TuneOptions options) {
        if (options.resolve(TuneOption.ISOLATION).equals("process")
                && ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean machine) {
            return machine.getTotalMemorySize() / (1024.0 * 1024.0);
        }
        return Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0);
    }

    private static String capitalized(String name) {
        return name.equals("cpu") || name.equals("gpu") ? Character.toUpperCase(name.charAt(0)) + name.substring(1)
                : "Custom";
    }
}
