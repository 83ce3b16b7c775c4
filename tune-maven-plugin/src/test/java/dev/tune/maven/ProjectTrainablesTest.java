package dev.tune.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.maven.examples.LinearFit;
import dev.tune.trainable.Experiment;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

/**
 * Scans this module's compiled test classes as a project's output directory: all of them are test
 * fixtures (package {@code examples}), which a scan leaves out unless a pattern names them in full.
 */
class ProjectTrainablesTest {

    @Test
    void aScanLeavesOutTestFixturesAndSaysWhich() throws Exception {
        try (ProjectTrainables trainables = ProjectTrainables.scan(project(), Selection.of(null))) {
            assertEquals(List.of(), trainables.experiments());
            assertEquals(List.of(), trainables.invalid(), "an invalid fixture that nobody named is left out too");
            assertEquals(List.of(), trainables.found());
            assertEquals(List.of("Functions.first", "pareto", "LinearFit", "broken"), trainables.skippedFixtures());
        }
    }

    @Test
    void aFixtureRunsWhenAPatternNamesItInFull() throws Exception {
        assertEquals(List.of("LinearFit"), selected("dev.tune.maven.examples.LinearFit"));
        assertEquals(List.of("LinearFit"), selected("LinearFit"));
        assertEquals(List.of("Functions.first", "pareto"), selected("Functions"));
        assertEquals(List.of("pareto"), selected("pareto"));
        assertEquals(List.of(), selected("*.LinearFit"), "a wildcard never picks a fixture");
        assertEquals(List.of(), selected("*"));
        assertEquals(List.of("Functions.first"), selected("Functions.first,Linear*"));
    }

    @Test
    void anInvalidFixtureNamedInFullIsReported() throws Exception {
        try (ProjectTrainables trainables = ProjectTrainables.scan(project(), Selection.of(List.of("broken")))) {
            assertEquals(1, trainables.invalid().size());
            String message = trainables.invalid().get(0).message();
            assertTrue(message.startsWith("Experiment broken: Invalid trainable dev.tune.maven.examples.Misdeclared, "),
                    message);
        }
    }

    @Test
    void anInvalidTrainableThatIsNotSelectedIsIgnored() throws Exception {
        try (ProjectTrainables trainables = ProjectTrainables.scan(project(), Selection.of(List.of("LinearFit")))) {
            assertEquals(List.of(), trainables.invalid());
        }
    }

    @Test
    void loadsTheProjectsClassesThroughItsOwnLoader() throws Exception {
        try (ProjectTrainables trainables = ProjectTrainables.scan(project(), Selection.of(List.of("LinearFit")))) {
            assertNotSame(getClass().getClassLoader(), trainables.loader());
            assertEquals(getClass().getClassLoader(), trainables.loader().getParent());
            // Parent first: the types the engine knows are the ones the project's classes use.
            assertEquals(LinearFit.class, trainables.experiments().get(0).type());
        }
    }

    private static List<String> selected(String pattern) throws Exception {
        try (ProjectTrainables trainables = ProjectTrainables.scan(project(), Selection.of(List.of(pattern)))) {
            return names(trainables.experiments());
        }
    }

    private static List<String> names(List<Experiment> experiments) {
        return experiments.stream().map(Experiment::name).toList();
    }

    private static MavenProject project() throws URISyntaxException {
        Path testClasses = Path.of(LinearFit.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Build build = new Build();
        build.setOutputDirectory(testClasses.toString());
        build.setTestOutputDirectory(testClasses.resolveSibling("no-such-directory").toString());
        MavenProject project = new MavenProject();
        project.setBuild(build);
        return project;
    }
}
