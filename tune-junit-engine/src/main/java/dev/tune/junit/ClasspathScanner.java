package dev.tune.junit;

import dev.tune.Trainable;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import java.nio.file.Paths;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.ModuleSelector;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Turns package, class-path-root and module selectors into class selectors for the classes that
 * carry {@code @Trainable} (on the class or on a method). ClassGraph reads class files without
 * loading them, so a scan loads nothing but trainables; class-name and package filters apply
 * before anything is loaded.
 */
final class ClasspathScanner implements SelectorResolver {

    private final Predicate<String> classNames;

    ClasspathScanner(Predicate<String> classNames) {
        this.classNames = classNames;
    }

    @Override
    public Resolution resolve(PackageSelector selector, Context context) {
        return scan(new ClassGraph().acceptPackages(selector.getPackageName()));
    }

    @Override
    public Resolution resolve(ClasspathRootSelector selector, Context context) {
        return scan(new ClassGraph().overrideClasspath(Paths.get(selector.getClasspathRoot()).toString()));
    }

    @Override
    public Resolution resolve(ModuleSelector selector, Context context) {
        return scan(new ClassGraph().acceptModules(selector.getModuleName()));
    }

    private Resolution scan(ClassGraph graph) {
        Set<DiscoverySelector> classes = new LinkedHashSet<>();
        String annotation = Trainable.class.getName();
        try (ScanResult result = graph.enableClassInfo().enableMethodInfo().enableAnnotationInfo()
                .ignoreClassVisibility().ignoreMethodVisibility().scan()) {
            for (ClassInfo info : result.getClassesWithAnnotation(annotation)) {
                add(info, classes);
            }
            for (ClassInfo info : result.getClassesWithMethodAnnotation(annotation)) {
                add(info, classes);
            }
        }
        return classes.isEmpty() ? Resolution.unresolved() : Resolution.selectors(classes);
    }

    private void add(ClassInfo info, Set<DiscoverySelector> classes) {
        if (!info.isAnnotation() && !info.isAbstract() && classNames.test(info.getName())) {
            classes.add(DiscoverySelectors.selectClass(info.getName()));
        }
    }
}
