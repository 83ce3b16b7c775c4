package dev.tune.junit;

import dev.tune.Trainable;
import dev.tune.trainable.Fixtures;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.ModuleSelector;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Turns package, class-path-root, module and class-path-resource selectors into class selectors
 * for the classes that carry {@code @Trainable} (on the class or on a method). ClassGraph reads
 * class files without loading them, so a scan loads nothing but trainables; class-name and package
 * filters apply before anything is loaded.
 *
 * <p>A class-path resource names either one class file ({@code com/acme/Model.class}) or a
 * directory of the class path ({@code com/acme/models}); both name their trainables as exactly as
 * {@code @SelectClasses} does, so class-name filters (which are about class names, and whose
 * default expects {@code *Test}) do not apply to them. When a package or class-path scan finds
 * trainables but the class-name filter excludes every one, as JUnit's default pattern does for
 * model classes, a warning says how to include them.
 *
 * <p>Scans leave out test fixtures, trainables in a package named {@code examples} ({@link Fixtures}),
 * as Jupiter's own build keeps its fixtures out of discovery; a scan of a package or directory inside
 * {@code examples}, or a selector that names the class, finds them.
 */
final class ClasspathScanner implements SelectorResolver {

    private final UniqueId engineId;
    private final Predicate<String> classNames;
    private final DiscoveryIssueReporter issues;

    ClasspathScanner(UniqueId engineId, Predicate<String> classNames, DiscoveryIssueReporter issues) {
        this.engineId = engineId;
        this.classNames = classNames;
        this.issues = issues;
    }

    @Override
    public Resolution resolve(PackageSelector selector, Context context) {
        String name = selector.getPackageName();
        return scan(new ClassGraph().acceptPackages(name), "package " + name, Fixtures.inFixturePackage(name), false);
    }

    @Override
    public Resolution resolve(ClasspathRootSelector selector, Context context) {
        String root = Paths.get(selector.getClasspathRoot()).toString();
        return scan(new ClassGraph().overrideClasspath(root), "class-path root " + root, false, false);
    }

    @Override
    public Resolution resolve(ModuleSelector selector, Context context) {
        return scan(new ClassGraph().acceptModules(selector.getModuleName()), "module " + selector.getModuleName(),
                false, false);
    }

    @Override
    public Resolution resolve(ClasspathResourceSelector selector, Context context) {
        String name = selector.getClasspathResourceName();
        while (name.startsWith("/")) {
            name = name.substring(1);
        }
        if (name.endsWith(".class")) {
            return Resolution.selectors(Set.of(exactly(
                    name.substring(0, name.length() - ".class".length()).replace('/', '.'))));
        }
        if (name.isEmpty()) {
            return Resolution.unresolved();
        }
        boolean insideExamples = Fixtures.inFixturePackage(name);
        return scan(new ClassGraph().acceptPaths(name), "class-path resource " + name, insideExamples, true);
    }

    /** A class selected as a unique id, which no class-name filter hides. */
    private DiscoverySelector exactly(String className) {
        return DiscoverySelectors.selectUniqueId(engineId.append(TuneUniqueId.CLASS, className));
    }

    /**
     * The trainables that {@code graph} finds, but test fixtures unless {@code fixtures} (the scan
     * named a place inside an {@code examples} package); {@code named} when the class-name filter
     * does not apply.
     */
    private Resolution scan(ClassGraph graph, String where, boolean fixtures, boolean named) {
        Set<DiscoverySelector> classes = new LinkedHashSet<>();
        List<String> filteredOut = new ArrayList<>();
        String annotation = Trainable.class.getName();
        try (ScanResult result = graph.enableClassInfo().enableMethodInfo().enableAnnotationInfo()
                .ignoreClassVisibility().ignoreMethodVisibility().scan()) {
            for (ClassInfo info : result.getClassesWithAnnotation(annotation)
                    .union(result.getClassesWithMethodAnnotation(annotation))) {
                if (fixtures || !Fixtures.isFixture(info.getName())) {
                    add(info, named, classes, filteredOut);
                }
            }
        }
        if (classes.isEmpty() && !filteredOut.isEmpty()) {
            issues.reportIssue(DiscoveryIssue.create(DiscoveryIssue.Severity.WARNING, "The " + where + " holds "
                    + filteredOut.size() + " trainable class(es), such as " + filteredOut.get(0) + ", but the "
                    + "class-name filter excludes all of them; JUnit's default pattern only includes names like "
                    + "*Test. Include them with @IncludeClassNamePatterns(\".*\") on the @Suite, "
                    + "--include-classname='.*' on the console launcher, or select the classes themselves."));
        }
        return classes.isEmpty() ? Resolution.unresolved() : Resolution.selectors(classes);
    }

    private void add(ClassInfo info, boolean named, Set<DiscoverySelector> classes, List<String> filteredOut) {
        if (info.isAnnotation() || info.isAbstract()) {
            return;
        }
        if (named) {
            classes.add(exactly(info.getName()));
        } else if (classNames.test(info.getName())) {
            classes.add(DiscoverySelectors.selectClass(info.getName()));
        } else if (!filteredOut.contains(info.getName())) {
            filteredOut.add(info.getName());
        }
    }
}
