package dev.tune.maven;

import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.trainable.Experiment;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojoExecutionException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs the project's experiments: {@code mvn tune:run}.
 *
 * <p>Compiles the project (main and test classes), finds every class that carries
 * {@code @Trainable} (on the class or on a method) in them, and runs the selected experiments one
 * after another through the tuner, which runs each experiment's trials in parallel. While trials
 * run, the tuner's progress table appears in the build log; each experiment starts with the line
 * {@code Running experiment <name> (<trainable>)}. At the end a table shows, per experiment, the
 * best trial with its config and objective value, what searched (for {@code auto}, what it chose
 * and why), and the trial counts by status; every trial's
 * files stay under {@code target/tune/<experiment>/}. A directory left by an earlier run is moved
 * aside to {@code <experiment>-<its start time>}, never overwritten.
 *
 * <p><b>When the build fails.</b> The message starts {@code Experiment <name>: } and says why:
 * <ul>
 *   <li>a trial threw and {@code failOnTrialError} is on: {@code <n> trial(s) failed, first
 *       <trial>: <exception>} (the experiment still runs its other trials first, unless
 *       {@code -Dtune.failFast=true});</li>
 *   <li>a {@code @Verify} method threw: {@code verification failed: <message>};</li>
 *   <li>a trainable is invalid: the tuner's message naming the class, member and annotation and
 *       the fix. Nothing runs when any selected trainable is invalid.</li>
 * </ul>
 * The first failing experiment stops the goal; the table covers what ran. A trial that a stop
 * condition, a scheduler or the time budget ended is never a failure.
 *
 * <p><b>Settings</b> combine as for every tune goal: the command line ({@code -Dtune.samples=2})
 * over the POM's configuration over the trainable's annotations; any {@code tune.*} option of
 * the tuner can be given with {@code -D}.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.TEST_COMPILE)
public class RunMojo extends AbstractTuneMojo {

    /**
     * Where results are written: one directory per experiment, holding {@code experiment.json},
     * {@code trials.jsonl} and a directory per trial ({@code params.json}, {@code result.json},
     * {@code progress.csv}). A relative path given with {@code -D} is taken from the directory Maven
     * runs in. Default: {@code tune} in the project's build directory, that is {@code target/tune}.
     */
    @Parameter(property = "tune.storagePath", defaultValue = "${project.build.directory}/tune")
    private File resultsDirectory;

    /**
     * Fails the build when any trial ended in error (the tuner's {@code tune.raiseOnFailedTrial}).
     * Trials stopped early by a stop condition or scheduler, or cancelled by the time budget, are
     * not errors. With {@code false}, errors are reported in the table and the build goes on.
     * Default: {@code true}.
     */
    @Parameter(property = "tune.failOnTrialError", defaultValue = "true")
    private boolean failOnTrialError;

    /**
     * Continues an earlier run of each experiment instead of starting afresh, as Ray's
     * {@code resume}: {@code true} (or {@code auto}) keeps finished trials, continues unfinished and
     * cancelled ones from their latest checkpoint, and restores the search where it was; without an
     * earlier run it starts a new one. Ray's suffixes choose what happens to errored trials:
     * {@code true+errored} resumes them, {@code true+restart_errored} runs them again from scratch,
     * and {@code _only} after either leaves the other unfinished trials as they are.
     * Default: {@code false}: each run starts afresh, moving the earlier directory aside.
     */
    @Parameter(property = "tune.resume", defaultValue = "false")
    private String resume;

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        try (LogStream progress = new LogStream(getLog())) {
            TuneOptions options = options(TuneOptions.builder()
                    .set(TuneOption.SUMMARY, false) // the results table below says it once for every experiment
                    .storagePath(resultsDirectory.toPath())
                    .set(TuneOption.RAISE_ON_FAILED_TRIAL, flag("tune.failOnTrialError", failOnTrialError))
                    .set(TuneOption.RESUME, TuneOption.RESUME.parse(resume))
                    .output(progress));
            try (ProjectTrainables trainables = trainables()) {
                failOnInvalid(trainables);
                if (trainables.experiments().isEmpty()) {
                    if (trainables.found().isEmpty() && trainables.skippedFixtures().isEmpty()) {
                        getLog().info("No @Trainable classes or methods in " + display(trainables.roots()));
                    }
                    return;
                }
                run(trainables, options);
            }
        }
    }

    private void run(ProjectTrainables trainables, TuneOptions options)
            throws MojoExecutionException, MojoFailureException {
        RunSupport support = new RunSupport(trainables.loader(), options);
        List<RunSupport.Outcome> outcomes = new ArrayList<>();
        for (Experiment experiment : trainables.experiments()) {
            getLog().info("Running experiment " + experiment.name() + " (" + experiment.trainable() + ")");
            RunSupport.Outcome outcome = support.run(experiment);
            outcomes.add(outcome);
            if (outcome.failure().isPresent()) {
                break;
            }
        }
        new Summary(getLog(), this::display).print(outcomes);
        for (RunSupport.Outcome outcome : outcomes) {
            AbstractMojoExecutionException failure = outcome.failure().orElse(null);
            if (failure instanceof MojoFailureException buildFailure) {
                throw buildFailure;
            }
            if (failure != null) {
                throw (MojoExecutionException) failure;
            }
        }
    }
}
