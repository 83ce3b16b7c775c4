package dev.tune.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Trainable;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every {@code @Trainable} in this module's tests is a fixture in an {@code examples} package, as
 * Jupiter keeps its engine-test fixtures: scans skip those packages, so a user's run never picks one
 * up, and tests select them by name. Read from the compiled test classes, so a trainable declared in
 * a test class, or anywhere outside an {@code examples} package, fails the build and is named.
 */
class FixturesLiveInExamplesTest {

    @Test
    void everyTrainableInTheTestsLivesInAnExamplesPackage() throws URISyntaxException {
        Path testClasses = Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
        try (ScanResult scan = new ClassGraph().overrideClasspath(testClasses.toString()).enableClassInfo()
                .enableMethodInfo().enableAnnotationInfo().ignoreClassVisibility().ignoreMethodVisibility().scan()) {
            List<String> trainables = scan.getClassesWithAnnotation(Trainable.class)
                    .union(scan.getClassesWithMethodAnnotation(Trainable.class)).stream()
                    .map(ClassInfo::getName).sorted().toList();
            assertTrue(trainables.contains("dev.tune.run.examples.Quickstart"), "the scan sees the fixtures: "
                    + trainables);
            assertEquals(List.of(), trainables.stream().filter(name -> !inExamples(name)).toList(),
                    "test fixtures carrying @Trainable belong in a package with an 'examples' segment");
        }
    }

    private static boolean inExamples(String className) {
        String[] segments = className.split("\\.");
        return Arrays.asList(segments).subList(0, segments.length - 1).contains("examples");
    }
}
