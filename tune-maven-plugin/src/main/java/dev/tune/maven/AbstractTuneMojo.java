package dev.tune.maven;

import dev.tune.options.Option;
import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every tune goal shares: {@code skip}, the choice of experiments, and the settings that map
 * onto the tuner's options ({@link TuneOptions}, the same object the JUnit engine's
 * configuration parameters build).
 *
 * <p><b>One precedence order.</b> A setting given on the command line ({@code -Dtune.samples=2})
 * wins over the same setting in the POM's plugin configuration ({@code <samples>5</samples>}),
 * which wins over the trainable's annotations ({@code @Trainable(samples = 10)}); what none of them
 * sets takes the tuner's default. Every {@code tune.*} option of the tuner can be given with
 * {@code -D}, including those without a plugin parameter (for example {@code -Dtune.metric=loss}
 * or {@code -Dtune.stop.maxIterations=5}). Only parameters that are set are passed on, so "not
 * set" stays distinct from "default".
 */
public abstract class AbstractTuneMojo extends AbstractMojo {

    /** The project whose classes are scanned. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** The build session, for the command line's {@code -D} properties. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /**
     * Skips the goal: nothing is scanned, listed or run (the project is still compiled first, as
     * the goal asks for it). Default: {@code false}.
     */
    @Parameter(property = "tune.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Which experiments to run or list: patterns, each matching a trainable class's fully qualified
     * or simple name, or an experiment's name (as {@code @Trainable(name)} gives it, else the simple
     * class name or {@code Class.method}), with {@code *} for any characters. On the command line,
     * separate patterns with commas: {@code -Dtune.experiments=*Alpha*,com.acme.Model}. When patterns
     * are given and none matches, the build fails (in a multi-module build, the module just runs
     * nothing). Default: every trainable in the project's main and test classes but test fixtures:
     * classes in a package named {@code examples} (as JUnit Jupiter keeps its fixtures), which run
     * only when a pattern without {@code *} names them in full.
     */
    @Parameter(property = "tune.experiments")
    private List<String> experiments;

    /**
     * How many times each experiment samples its search space (Ray's {@code num_samples}); with
     * grid-search hyperparameters the whole grid is repeated this many times. Default: the
     * annotation's {@code samples}, else 1.
     */
    @Parameter(property = "tune.samples")
    private Integer samples;

    /**
     * The seed of the search, for reproducible trials. Default: the annotation's {@code @Seed},
     * else drawn at random and recorded in {@code experiment.json}.
     */
    @Parameter(property = "tune.seed")
    private Long seed;

    /**
     * At most this many trials of an experiment run at once; {@code 0} means as many as the
     * per-trial resources allow. Default: the annotation's {@code maxConcurrentTrials}, else
     * {@code 0}: with the default request of one CPU per trial ({@code tune.resources.cpu}), one
     * trial per processor.
     */
    @Parameter(property = "tune.maxConcurrentTrials")
    private Integer maxConcurrentTrials;

    /**
     * The searcher that proposes configurations: {@code auto} (picks one of the others from the
     * space's shape and the budget, and says which and why), {@code random}, {@code grid},
     * {@code tpe}, {@code tpe_multivariate}, {@code cmaes}, {@code gp}, {@code nsga2} or {@code bohb}
     * (in any case), or the fully qualified name of a {@code dev.tune.search.Searcher} class with a
     * public no-argument constructor on the project's class path. Default: the annotation's
     * {@code searcher}, else {@code auto}.
     */
    @Parameter(property = "tune.searcher")
    private String searcher;

    /**
     * Stops each experiment after this much time, as Ray's {@code time_budget_s}: {@code 90s},
     * {@code 1.5s}, {@code 250ms}, {@code 5m}, {@code 2h}, or ISO-8601 {@code PT1M30S}; a number
     * alone is seconds. Trials cut by the budget end as cancelled, which is not an error.
     * Default: the annotation's {@code @Stop(timeBudgetSeconds)}, else no limit.
     */
    @Parameter(property = "tune.timeBudget")
    private String timeBudget;

    /**
     * Any other {@code tune.*} option by its key, in its text form, as {@code -D} gives it:
     * {@code <options><tune.callbacks>com.acme.Notify</tune.callbacks></options>}. Options that take
     * code are named here by class (callbacks, stoppers, an objective, trial name creators, a
     * searcher or scheduler of your own; see the README). The parameters above and the command line
     * win over these.
     */
    @Parameter
    private Map<String, String> options;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (flag("tune.skip", skip)) {
            getLog().info("Skipping tune (tune.skip is true)");
            return;
        }
        executeGoal();
    }

    /** The goal's work, once {@code skip} is known to be off. */
    protected abstract void executeGoal() throws MojoExecutionException, MojoFailureException;

    /**
     * The project's selected trainables. When patterns were given and none matches, the build
     * fails, unless the reactor holds other projects, where a pattern that matches nothing in one
     * module is normal.
     */
    ProjectTrainables trainables() throws MojoExecutionException, MojoFailureException {
        Selection selection = selection();
        ProjectTrainables trainables = ProjectTrainables.scan(project, selection);
        if (!trainables.skippedFixtures().isEmpty()) {
            getLog().info("Left out " + trainables.skippedFixtures().size() + " test fixture(s) in examples packages "
                    + trainables.skippedFixtures() + "; name one in full in tune.experiments to run it");
        }
        if (!selection.all() && trainables.experiments().isEmpty() && trainables.invalid().isEmpty()) {
            String message = "No experiment matches tune.experiments=" + String.join(",", selection.patterns())
                    + "; the experiments in " + display(trainables.roots()) + " are " + trainables.found();
            if (session.getProjects().size() <= 1) {
                try (trainables) {
                    throw new MojoFailureException(message);
                }
            }
            getLog().info(message);
        }
        return trainables;
    }

    /** The experiments {@code tune.experiments} selects: the command line's, else the POM's, else all. */
    Selection selection() {
        String cli = session.getUserProperties().getProperty("tune.experiments");
        return Selection.of(cli != null ? List.of(cli) : experiments);
    }

    /** Fails the build, naming each selected trainable that cannot be read and why. */
    static void failOnInvalid(ProjectTrainables trainables) throws MojoFailureException {
        if (!trainables.invalid().isEmpty()) {
            throw new MojoFailureException(trainables.invalid().stream().map(InvalidTrainable::message)
                    .collect(Collectors.joining(System.lineSeparator())));
        }
    }

    /**
     * The options that the POM's configuration sets, overridden by {@code tune.*} properties given
     * on the command line; the tuner lays both over the annotation's settings.
     */
    TuneOptions options(TuneOptions.Builder goalOptions) throws MojoExecutionException {
        try {
            TuneOptions pomOptions = options == null ? TuneOptions.empty() : pomOptions(options);
            if (samples != null) {
                goalOptions.samples(samples);
            }
            if (seed != null) {
                goalOptions.seed(seed);
            }
            if (maxConcurrentTrials != null) {
                goalOptions.maxConcurrentTrials(maxConcurrentTrials);
            }
            if (searcher != null && !searcher.isBlank()) {
                goalOptions.searcher(searcher.trim());
            }
            if (timeBudget != null && !timeBudget.isBlank()) {
                goalOptions.timeBudget(TuneOption.TIME_BUDGET.parse(timeBudget));
            }
            return pomOptions.overriddenBy(goalOptions.build())
                    .overriddenBy(TuneOptions.fromText(session.getUserProperties()::getProperty));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /**
     * The POM's {@code <options>}; a key that is no option with a text form fails the build,
     * naming the keys that are.
     */
    static TuneOptions pomOptions(Map<String, String> options) throws MojoExecutionException {
        Set<String> keys = TuneOption.all().stream().filter(Option::hasTextForm).map(Option::key)
                .collect(Collectors.toCollection(TreeSet::new));
        for (String key : options.keySet()) {
            if (!keys.contains(key)) {
                throw new MojoExecutionException("<options> of the tune plugin has " + key + ", which is no tune"
                        + " option; use one of " + keys);
            }
        }
        return TuneOptions.fromText(options::get);
    }

    /** A boolean parameter, unless the command line sets {@code key}: a {@code -D} wins over the POM. */
    boolean flag(String key, boolean configured) throws MojoExecutionException {
        String cli = session.getUserProperties().getProperty(key);
        if (cli == null || cli.isBlank()) {
            return configured;
        }
        switch (cli.trim().toLowerCase(Locale.ROOT)) {
            case "true": return true;
            case "false": return false;
            default: throw new MojoExecutionException("Invalid value '" + cli + "' for " + key
                    + ": expected true or false");
        }
    }

    /** {@code paths} relative to the project's directory, as a person reads them. */
    String display(List<Path> paths) {
        return paths.isEmpty() ? display(Path.of(project.getBuild().getOutputDirectory()))
                : paths.stream().map(this::display).collect(Collectors.joining(", "));
    }

    /** {@code path} relative to the project's directory when it is inside it. */
    String display(Path path) {
        Path base = project.getBasedir().toPath().toAbsolutePath();
        Path absolute = path.toAbsolutePath();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : path.toString();
    }
}
