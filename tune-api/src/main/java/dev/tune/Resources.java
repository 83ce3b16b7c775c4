package dev.tune;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What one trial needs while it runs, as Ray's {@code resources_per_trial}. tune starts a trial
 * only when the machine's remaining resources cover it, so these numbers decide how many trials
 * run at once. The machine offers one cpu per available processor (or {@code tune.resources.totalCpu}),
 * the gpus given by {@code tune.resources.totalGpu} (default: those {@code nvidia-smi -L} lists,
 * else 0), the JVM's max heap as memory (the machine's memory with process isolation), and
 * the custom resources given by {@code tune.resources.totalCustom}. Overridden by
 * {@code tune.resources.cpu}, {@code tune.resources.gpu}, {@code tune.resources.memoryMb} and
 * {@code tune.resources.custom}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Resources {
    /** Cpus per trial; fractions allowed ({@code 0.5} runs two trials per core). */
    double cpu() default 1;

    /**
     * Gpus per trial; fractions share a gpu between trials, as in Ray, and more than one must be
     * whole. The trial finds its device ids in {@code TrialContext.gpuIds()}.
     */
    double gpu() default 0;

    /** Heap per trial in MiB; 0 means not counted. */
    long memoryMb() default 0;

    /**
     * Custom resources as {@code name=amount} pairs, matched against the machine's, given as
     * {@code tune.resources.totalCustom=name=amount,...}.
     */
    String[] custom() default {};

    /**
     * Where each trial runs: {@code "thread"} (in this JVM, the default) or {@code "process"} (each
     * slot a child JVM on the same class path, reused across trials, as Ray runs trials in worker
     * processes); empty leaves it to {@code tune.isolation}. In process mode a crash,
     * {@code System.exit} or {@code OutOfMemoryError} costs one trial, not the experiment, and
     * {@link #memoryMb()} becomes the child's {@code -Xmx}.
     */
    String isolation() default "";

    /** With process isolation, options for the child JVMs, as {@code tune.isolation.jvmArgs}. */
    String[] jvmArgs() default {};
}
