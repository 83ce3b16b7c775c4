package dev.tune.maven;

import dev.tune.Mode;
import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.space.Space;
import dev.tune.store.StorageException;
import dev.tune.store.postgres.PostgresLocation;
import dev.tune.store.postgres.SharedExperiments;
import dev.tune.trainable.Experiment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Lists the project's experiments and their search spaces without running anything:
 * {@code mvn tune:list}. It compiles the project and reads its trainables as {@code tune:run}
 * would, so it also checks them: the build fails, naming the class, member and annotation, when
 * a selected trainable is invalid. Each experiment is printed as its name and trainable
 * ({@code Quadratic (com.acme.Quadratic)}), then one line per hyperparameter with its domain
 * ({@code   x: uniform(-5.0, 5.0)}, {@code   degree: grid[1, 2, 3]}), then the settings a run
 * would use ({@code   [metric=loss, mode=min, samples=3, searcher=auto]}): the command line
 * over the POM's configuration over the annotations, the tuner's defaults for the rest. The same
 * parameters as {@code tune:run} select experiments and change settings. Nothing is written.
 */
@Mojo(name = "list", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.TEST_COMPILE)
public class ListMojo extends AbstractTuneMojo {

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        TuneOptions options = options(TuneOptions.builder());
        try (ProjectTrainables trainables = trainables()) {
            List<Experiment> experiments = trainables.experiments();
            if (experiments.isEmpty() && trainables.invalid().isEmpty()) {
                if (trainables.found().isEmpty() && trainables.skippedFixtures().isEmpty()) {
                    getLog().info("No @Trainable classes or methods in " + display(trainables.roots()));
                }
                return;
            }
            getLog().info(experiments.size() + (experiments.size() == 1 ? " experiment" : " experiments") + " in "
                    + display(trainables.roots()) + ":");
            for (Experiment experiment : experiments) {
                TuneOptions settings = effective(experiment, options);
                print(experiment, settings);
                printShared(experiment, settings);
            }
            failOnInvalid(trainables);
        }
    }

    private void print(Experiment experiment, TuneOptions settings) {
        getLog().info(experiment.name() + " (" + experiment.trainable() + ")");
        Space space = experiment.space();
        if (space.isEmpty()) {
            getLog().info("  (no hyperparameters)");
        }
        space.domains().forEach((name, domain) -> getLog().info("  " + name + ": " + domain.describe()));
        getLog().info("  [" + String.join(", ", settings(settings)) + "]");
    }

    /** With {@code tune.storage} a database: how far the experiment shared there has come. */
    private void printShared(Experiment experiment, TuneOptions settings) throws MojoExecutionException {
        String storage = settings.get(TuneOption.STORAGE).orElse(null);
        if (!PostgresLocation.isDatabase(storage)) {
            return;
        }
        String name = settings.get(TuneOption.NAME).orElse(experiment.name());
        try {
            PostgresLocation location = PostgresLocation.of(storage, settings.get(TuneOption.STORAGE_USER).orElse(null),
                    settings.get(TuneOption.STORAGE_PASSWORD).orElse(null), System.getenv());
            getLog().info("  in " + location.display() + ": " + SharedExperiments.status(location, name)
                    .orElse("not started yet"));
        } catch (IllegalArgumentException | StorageException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** The experiment's settings as a run would resolve them: annotations, then POM and command line. */
    private static TuneOptions effective(Experiment experiment, TuneOptions options) throws MojoExecutionException {
        try {
            return experiment.options().overriddenBy(options).overriddenBy(TuneOptions.fromSystemProperties());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private static List<String> settings(TuneOptions options) {
        List<String> settings = new ArrayList<>();
        settings.add("metric=" + options.get(TuneOption.METRIC).map(m -> String.join(",", m))
                .orElse("(Hugging Face default objective)"));
        settings.add("mode=" + options.get(TuneOption.MODE)
                .map(modes -> String.join(",", modes.stream().map(ListMojo::mode).toList())).orElse("min"));
        settings.add("samples=" + options.resolve(TuneOption.SAMPLES));
        settings.add("searcher=" + options.resolve(TuneOption.SEARCHER));
        options.get(TuneOption.SEED).ifPresent(seed -> settings.add("seed=" + seed));
        options.get(TuneOption.MAX_CONCURRENT_TRIALS).ifPresent(max -> settings.add("maxConcurrentTrials=" + max));
        options.get(TuneOption.TIME_BUDGET).ifPresent(budget -> settings.add("timeBudget="
                + budget.toString().substring(2).toLowerCase(Locale.ROOT)));
        return settings;
    }

    private static String mode(Mode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }
}
