package dev.tune.junit;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The one way engine tests run the engine: through EngineTestKit, without implicit configuration. */
abstract class EngineTests {

    static EngineTestKit.Builder kit(DiscoverySelector... selectors) {
        return EngineTestKit.engine(Constants.ENGINE_ID)
                .enableImplicitConfigurationParameters(false)
                .configurationParameter("tune.verbose", "0")
                .selectors(selectors);
    }

    static EngineTestKit.Builder full(java.nio.file.Path storage, DiscoverySelector... selectors) {
        return kit(selectors).configurationParameter(Constants.MODE, "full")
                .configurationParameter("tune.storagePath", storage.toString());
    }
}
