package dev.tune.maven;

import dev.tune.Trainable;
import dev.tune.trainable.Experiment;
import dev.tune.trainable.Fixtures;
import dev.tune.trainable.InvalidTrainableException;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

/**
 * The experiments of one Maven project: its main and test classes carrying {@code @Trainable}, read
 * into {@link Experiment}s and filtered by a {@link Selection}. Classes come from a class loader over
 * the project's test class path whose parent is the plugin's own, so the tune types the project's
 * classes refer to are the ones the engine uses. ClassGraph reads only the project's own output
 * directories, without loading anything, so only trainables are loaded. Test fixtures (classes in
 * an {@code examples} package, {@link Fixtures}) are skipped unless the selection names them in
 * full. Close it when the experiments are done.
 */
final class ProjectTrainables implements AutoCloseable {

    private final URLClassLoader loader;
    private final List<Path> roots;
    private final List<Experiment> experiments = new ArrayList<>();
    private final List<InvalidTrainable> invalid = new ArrayList<>();
    private final List<String> found = new ArrayList<>();
    private final List<String> skippedFixtures = new ArrayList<>();

    private ProjectTrainables(URLClassLoader loader, List<Path> roots) {
        this.loader = loader;
        this.roots = roots;
    }

    /** Scans {@code project}'s classes and reads the trainables that {@code selection} picks. */
    static ProjectTrainables scan(MavenProject project, Selection selection) throws MojoExecutionException {
        List<Path> roots = Stream.of(project.getBuild().getOutputDirectory(),
                        project.getBuild().getTestOutputDirectory())
                .filter(dir -> dir != null && Files.isDirectory(Path.of(dir))).map(Path::of).toList();
        ProjectTrainables trainables = new ProjectTrainables(loader(project), roots);
        try {
            for (String className : classNames(roots)) {
                trainables.read(className, selection);
            }
            return trainables;
        } catch (MojoExecutionException | RuntimeException e) {
            try (trainables) {
                throw e;
            }
        }
    }

    /** The selected experiments, by class name, each class's as {@link Experiment#of(Class)} orders them. */
    List<Experiment> experiments() {
        return experiments;
    }

    /** The selected trainables that cannot be read. */
    List<InvalidTrainable> invalid() {
        return invalid;
    }

    /** The names of every experiment found but test fixtures, selected or not, for when a selection matches none. */
    List<String> found() {
        return found;
    }

    /** The experiments of test fixtures (in an {@code examples} package) that no pattern names in full. */
    List<String> skippedFixtures() {
        return skippedFixtures;
    }

    /** The directories scanned: the project's output and test-output directories that exist. */
    List<Path> roots() {
        return roots;
    }

    /** The class loader of the project's classes and dependencies: the context class loader while trials run. */
    ClassLoader loader() {
        return loader;
    }

    /** Closes the project's class loader. */
    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the project's class loader", e);
        }
    }

    private void read(String className, Selection selection) throws MojoExecutionException {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new MojoExecutionException("Cannot load the trainable " + className
                    + " from the project's class path: " + e, e);
        }
        boolean fixture = Fixtures.isFixture(className);
        try {
            for (Experiment experiment : Experiment.of(type)) {
                boolean picked = picks(selection, fixture, className, type.getSimpleName(), experiment.name(),
                        experiment.trainable());
                if (picked) {
                    experiments.add(experiment);
                }
                record(fixture, picked, experiment.name());
            }
        } catch (InvalidTrainableException e) {
            InvalidTrainable problem = InvalidTrainable.of(type, e);
            boolean picked = picks(selection, fixture, className, type.getSimpleName(), problem.name());
            if (picked) {
                invalid.add(problem);
            }
            record(fixture, picked, problem.name());
        }
    }

    /** A fixture only when a pattern names it in full; anything else when a pattern matches it. */
    private static boolean picks(Selection selection, boolean fixture, String... names) {
        return fixture ? selection.names(names) : selection.matches(names);
    }

    private void record(boolean fixture, boolean picked, String experiment) {
        if (!fixture) {
            found.add(experiment);
        } else if (!picked) {
            skippedFixtures.add(experiment);
        }
    }

    private static Set<String> classNames(List<Path> roots) {
        Set<String> names = new TreeSet<>();
        if (roots.isEmpty()) {
            return names;
        }
        String annotation = Trainable.class.getName();
        try (ScanResult scan = new ClassGraph().overrideClasspath(roots.stream().map(Path::toString).toList())
                .enableClassInfo().enableMethodInfo().enableAnnotationInfo()
                .ignoreClassVisibility().ignoreMethodVisibility().scan()) {
            for (ClassInfo info : scan.getClassesWithAnnotation(annotation).union(
                    scan.getClassesWithMethodAnnotation(annotation))) {
                if (!info.isAnnotation() && !info.isAbstract()) {
                    names.add(info.getName());
                }
            }
        }
        return names;
    }

    private static URLClassLoader loader(MavenProject project) throws MojoExecutionException {
        try {
            List<URL> urls = new ArrayList<>();
            for (String element : project.getTestClasspathElements()) {
                urls.add(new File(element).toURI().toURL());
            }
            return new URLClassLoader(urls.toArray(URL[]::new), ProjectTrainables.class.getClassLoader());
        } catch (DependencyResolutionRequiredException | MalformedURLException e) {
            throw new MojoExecutionException("Cannot build the class path of " + project.getId() + ": "
                    + e.getMessage(), e);
        }
    }
}
