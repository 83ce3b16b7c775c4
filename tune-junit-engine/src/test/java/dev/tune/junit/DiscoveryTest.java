package dev.tune.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.ClassNameFilter.excludeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.tune.junit.examples.Functions;
import dev.tune.junit.examples.Quadratic;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;

class DiscoveryTest extends EngineTests {

    private static Set<String> experiments(TestDescriptor engine) {
        Set<String> names = new TreeSet<>();
        engine.getChildren().forEach(container -> {
            assertEquals(TestDescriptor.Type.CONTAINER, container.getType());
            container.getChildren().forEach(child -> names.add(child.getUniqueId().getLastSegment().getValue()));
        });
        return names;
    }

    @Test
    void aClassGivesItsClassAndMethodExperiments() {
        TestDescriptor engine = kit(selectClass(Quadratic.class), selectClass(Functions.class)).discover()
                .getEngineDescriptor();
        assertEquals(Set.of(Quadratic.class.getName(), Functions.class.getName() + "#sometimesFails",
                Functions.class.getName() + "#neverGoodEnough"), experiments(engine));
        TestDescriptor quadratic = engine.getChildren().stream()
                .flatMap(c -> c.getChildren().stream())
                .filter(c -> c.getDisplayName().equals("Quadratic")).findFirst().orElseThrow();
        assertEquals(TestDescriptor.Type.CONTAINER, quadratic.getType());
        assertEquals(ClassSource.from(Quadratic.class), quadratic.getSource().orElseThrow());
        assertEquals(Set.of("fast"), quadratic.getTags().stream().map(t -> t.getName())
                .collect(java.util.stream.Collectors.toSet()));
        assertEquals(0, quadratic.getChildren().size(), "trials are registered while the experiment runs");
    }

    @Test
    void aMethodGivesItsExperiment() {
        TestDescriptor engine = kit(selectMethod(Functions.class, "neverGoodEnough", "int")).discover()
                .getEngineDescriptor();
        assertEquals(Set.of(Functions.class.getName() + "#neverGoodEnough"), experiments(engine));
    }

    @Test
    void theStepOfAClassTrainableGivesTheClassExperiment() {
        TestDescriptor engine = kit(selectMethod(Quadratic.class, "step")).discover().getEngineDescriptor();
        assertEquals(Set.of(Quadratic.class.getName()), experiments(engine));
    }

    @Test
    void aPackageScanFindsOnlyTrainablesAndHonoursClassNameFilters() {
        Set<String> found = experiments(kit(selectPackage("dev.tune.junit.examples")).discover().getEngineDescriptor());
        assertTrue(found.containsAll(Set.of(Quadratic.class.getName(), "dev.tune.junit.examples.Broken",
                Functions.class.getName() + "#sometimesFails", Functions.class.getName() + "#neverGoodEnough",
                "dev.tune.junit.examples.Invalid$NoStep")), found.toString());
        assertTrue(found.stream().noneMatch(n -> n.contains("NotATrainable")), found.toString());
        Set<String> filtered = experiments(kit(selectPackage("dev.tune.junit.examples"))
                .filters(excludeClassNamePatterns(".*Functions")).discover().getEngineDescriptor());
        assertTrue(filtered.contains(Quadratic.class.getName()));
        assertTrue(filtered.stream().noneMatch(n -> n.contains("Functions")), filtered.toString());
    }

    @Test
    void scansLeaveOutTestFixturesUnlessTheyNameAPlaceInsideAnExamplesPackage() throws Exception {
        Path root = Path.of(Quadratic.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        TestDescriptor rootScan = kit(selectClasspathRoots(Set.of(root)).toArray(new DiscoverySelector[0]))
                .discover().getEngineDescriptor();
        assertEquals(Set.of(), experiments(rootScan), "the test classes hold fixtures only");
        assertEquals(Set.of(), experiments(kit(selectPackage("dev.tune.junit")).discover().getEngineDescriptor()));
        Set<String> inside = experiments(kit(selectPackage("dev.tune.junit.examples.suite")).discover()
                .getEngineDescriptor());
        assertTrue(inside.stream().anyMatch(n -> n.startsWith("dev.tune.junit.examples.suite.Linear#")),
                "a package inside examples is named: " + inside);
        assertTrue(experiments(kit(selectClasspathResource("dev/tune/junit/examples")).discover().getEngineDescriptor())
                .contains(Quadratic.class.getName()), "a directory inside examples is named");
        assertEquals(Set.of(Quadratic.class.getName()),
                experiments(kit(selectClass(Quadratic.class)).discover().getEngineDescriptor()), "a class is named");
    }

    @Test
    void aUniqueIdSelectsOneExperiment() {
        UniqueId id = UniqueId.forEngine("tune").append("class", Functions.class.getName())
                .append("experiment", Functions.class.getName() + "#sometimesFails");
        TestDescriptor engine = kit(selectUniqueId(id)).discover().getEngineDescriptor();
        assertEquals(List.of(id), engine.getChildren().stream().flatMap(c -> c.getChildren().stream())
                .map(TestDescriptor::getUniqueId).toList());
    }

    @Test
    void anInvalidTrainableIsInTheTreeAndReportedAsADiscoveryIssue() {
        var discovery = kit(selectClass(dev.tune.junit.examples.Broken.class)).discover();
        assertEquals(Set.of("dev.tune.junit.examples.Broken"), experiments(discovery.getEngineDescriptor()));
        var issues = discovery.getDiscoveryIssues();
        assertEquals(1, issues.size());
        assertEquals(org.junit.platform.engine.DiscoveryIssue.Severity.WARNING, issues.get(0).severity());
        assertTrue(issues.get(0).message().contains("has no @Step method"), issues.get(0).message());
        assertEquals(ClassSource.from(dev.tune.junit.examples.Broken.class), issues.get(0).source().orElseThrow());
    }
}
