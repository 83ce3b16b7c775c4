package dev.tune.maven;

import dev.tune.options.TuneOptions;
import dev.tune.result.ExperimentResult;
import dev.tune.run.ExperimentVerifier;
import dev.tune.run.TuneException;
import dev.tune.run.Tuner;
import dev.tune.trainable.Experiment;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojoExecutionException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Runs one experiment for {@code tune:run}: the tuner does the work, with the project's class
 * loader as the context class loader (so searchers and user code named by class resolve from the
 * project), then the trainable's {@code @Verify} methods judge the result. What went wrong becomes
 * the build failure a user reads, starting {@code Experiment <name>: }.
 */
final class RunSupport {

    /**
     * What one experiment left behind.
     *
     * @param result the experiment's result, when it ran (also when trials failed)
     * @param failure the build failure it causes, if any
     */
    record Outcome(Experiment experiment, Optional<ExperimentResult> result,
            Optional<AbstractMojoExecutionException> failure) {
    }

    private final ClassLoader projectLoader;
    private final TuneOptions options;

    /**
     * @param projectLoader the loader of the project's classes
     * @param options the options from the POM and the command line, laid over each annotation's
     */
    RunSupport(ClassLoader projectLoader, TuneOptions options) {
        this.projectLoader = projectLoader;
        this.options = options;
    }

    /** Runs {@code experiment} and its verification; never throws for what the experiment does. */
    Outcome run(Experiment experiment) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(projectLoader);
        try {
            return runAndVerify(experiment);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private Outcome runAndVerify(Experiment experiment) {
        String prefix = "Experiment " + experiment.name() + ": ";
        ExperimentResult result;
        try {
            result = Tuner.run(experiment, options);
        } catch (TuneException e) {
            // Trials ended in error and fail-on-trial-error (tune.raiseOnFailedTrial) or tune.failFast is on;
            // the message already reads "Experiment <name>: <n> trial(s) failed, first <trial>: <error>".
            return new Outcome(experiment, e.result(), Optional.of(new MojoFailureException(e.getMessage(), e)));
        } catch (RuntimeException e) {
            return new Outcome(experiment, Optional.empty(),
                    Optional.of(new MojoExecutionException(prefix + e.getMessage(), e)));
        }
        try {
            ExperimentVerifier.verify(experiment.type(), result);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            return new Outcome(experiment, Optional.of(result),
                    Optional.of(new MojoFailureException(prefix + "verification failed: " + describe(e), e)));
        }
        return new Outcome(experiment, Optional.of(result), Optional.empty());
    }

    /** An assertion's own message; for anything else, its type too. */
    private static String describe(Throwable failure) {
        if (failure instanceof AssertionError && failure.getMessage() != null) {
            return failure.getMessage();
        }
        return failure.toString();
    }
}
