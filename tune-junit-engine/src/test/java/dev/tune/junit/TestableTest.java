package dev.tune.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.tune.Trainable;
import dev.tune.junit.examples.Functions;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** IDEs show a run icon where {@code @Testable} is found, directly or as a meta-annotation; tune's engine then runs it. */
class TestableTest extends EngineTests {

    @Test
    void trainableIsMetaAnnotatedWithTestable() {
        assertTrue(Trainable.class.isAnnotationPresent(Testable.class));
    }

    @Test
    void aMethodTrainableIsTestableAndItsMethodSelectorRunsIt() throws Exception {
        Method method = Functions.class.getDeclaredMethod("neverGoodEnough", int.class);
        assertTrue(AnnotationSupport.isAnnotated(method, Testable.class), "what an IDE checks before offering to run it");
        EngineExecutionResults results = kit(selectMethod(Functions.class, method)).execute();
        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertEquals("[engine:tune]/[class:" + Functions.class.getName() + "]/[experiment:" + Functions.class.getName()
                + "#neverGoodEnough]", results.testEvents().started().list().get(0).getTestDescriptor().getUniqueId()
                .removeLastSegment().toString());
        assertTrue(AnnotationSupport.isAnnotated(Functions.class.getDeclaredMethod("sometimesFails", int.class,
                dev.tune.TrialContext.class), Testable.class));
    }
}
