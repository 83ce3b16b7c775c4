package dev.tune;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.platform.commons.annotation.Testable;

/**
 * Marks an experiment: something tune can train many times with different hyperparameters.
 *
 * <p><b>On a class</b> (Ray's Class API) the class must have exactly one {@link Step @Step}
 * method, called once per training iteration; it may also have {@link Setup @Setup},
 * {@link Cleanup @Cleanup} and {@link Reset @Reset} members. The class needs no base class, no
 * interface and no public no-arg constructor: tune creates one instance per trial through the
 * constructor whose parameters it can supply (hyperparameters, {@link Config}, {@link TrialContext}).
 *
 * <p><b>On a method</b> (Ray's Function API) the method is the whole trial. It is called once;
 * its parameters receive hyperparameters, a {@link Config} or a {@link TrialContext}. It may
 * report intermediate metrics through {@link TrialContext#report}, as {@code tune.report} does,
 * and may return final metrics (a {@code Map}, a record or bean, or a single number). A static
 * method needs no instance; an instance method gets a fresh instance of its class per trial.
 *
 * <p>Hyperparameters are declared with domain annotations ({@link Uniform}, {@link Choice},
 * {@link GridSearch}, ...) on fields, constructor parameters or method parameters, or
 * programmatically by a {@link SearchSpace @SearchSpace} member. Every setting here can be
 * overridden by {@code tune.*} options (system properties, JUnit configuration parameters, the
 * Maven plugin, or {@code TuneOptions} in code); an attribute left at its default means "not set".
 *
 * <p>It is meta-annotated with JUnit's {@code @Testable}, so IDEs show a run icon beside every
 * trainable class and method and run it through tune's JUnit Platform engine.
 */
@Documented
@Testable
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Trainable {

    /** The experiment's name; default: the simple class name, or {@code Class.method} for a method. */
    String name() default "";

    /**
     * The metric or metrics to optimise. One metric makes a single-objective experiment; several,
     * each with its own {@link #mode()}, make a multi-objective one whose result is the Pareto
     * front. Empty means: use the Hugging Face Trainer's default objective (the sum of the
     * reported metrics other than the loss and timing fields, or the loss when nothing else is
     * reported).
     */
    String[] metric() default {};

    /**
     * Direction of each {@link #metric()}, in the same order. Empty means {@link Mode#MIN} for
     * every metric, as Optuna's default direction and the Hugging Face Trainer's.
     */
    Mode[] mode() default {};

    /**
     * Metrics that are constraints, as Optuna's {@code constraints_func}: the trainable reports each
     * as a number, and a trial is feasible when every one is at most 0 in its last result (report
     * {@code latency_ms - 50} for "latency at most 50 ms"). The best trial and the Pareto front are
     * taken among feasible trials only, and the searchers that model results (TPE, NSGA-II) prefer
     * feasible trials, then smaller violations. Empty means no constraints.
     */
    String[] constraints() default {};

    /**
     * How many times to sample the search space (Ray's {@code num_samples}). With grid-search
     * parameters, the whole grid is repeated this many times. {@code -1}, as in Ray: trials until a
     * stop rule or the time budget ends the experiment (one of them is then required). {@code 0}
     * means not set (1).
     */
    int samples() default 0;

    /**
     * At most this many trials run at once. {@code -1} means not set: as many as the per-trial
     * {@link Resources} allow on this machine (by default one per core).
     */
    int maxConcurrentTrials() default -1;

    /**
     * The searcher by name ({@code auto}, {@code random}, {@code grid}, {@code tpe},
     * {@code tpe_multivariate}, {@code cmaes}, {@code gp}, {@code nsga2}, {@code bohb}) or fully
     * qualified class name; empty means not set ({@code auto}, which picks one of the others from the
     * space's shape and the budget and says which and why).
     */
    String searcher() default "";

    /**
     * The scheduler that may stop trials early, with Ray's parameters: {@code fifo} (never),
     * {@code median(gracePeriod=5)}, {@code asha(maxT=81,gracePeriod=1,reductionFactor=3)},
     * {@code hyperband(maxT=27,reductionFactor=3)}, or Population Based Training
     * ({@code pbt(timeAttr=training_iteration,perturbationInterval=4,mutations=lr)}); empty means not
     * set ({@code fifo}). A fully qualified class name names a scheduler of your own.
     */
    String scheduler() default "";

    /**
     * Callbacks by class (Ray's {@code callbacks}): each implements
     * {@code dev.tune.options.Callback} and has a public constructor that takes the experiment's
     * {@code TuneOptions}, or none. Added to those {@code tune.callbacks} names.
     */
    Class<?>[] callbacks() default {};

    /**
     * A custom objective by class, a {@code dev.tune.result.ObjectiveFunction} of each result's
     * metrics, used when no metric is named; {@code Void.class} means not set (the Hugging Face
     * default). Built as {@link #callbacks} are.
     */
    Class<?> objective() default Void.class;

    /**
     * Names each new trial (Ray's {@code trial_name_creator}): a
     * {@code java.util.function.Function<Trial, String>}, built as {@link #callbacks} are;
     * {@code Void.class} means not set.
     */
    Class<?> trialNameCreator() default Void.class;

    /**
     * Names each new trial's directory (Ray's {@code trial_dirname_creator}): a
     * {@code java.util.function.Function<Trial, String>}, built as {@link #callbacks} are;
     * {@code Void.class} means not set.
     */
    Class<?> trialDirnameCreator() default Void.class;
}
