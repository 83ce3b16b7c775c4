package dev.tune.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.options.TuneOption;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/** The POM's {@code <options>}: any option with a text form, by its key; a key that is none fails the build. */
class PomOptionsTest {

    @Test
    void readsEveryOptionByItsKeyIncludingClassesNamedForCode() throws Exception {
        var options = AbstractTuneMojo.pomOptions(Map.of("tune.callbacks", "com.acme.A, com.acme.B",
                "tune.trialNameCreator", "com.acme.Names", "tune.samples", "7"));
        assertEquals(List.of("com.acme.A", "com.acme.B"), options.get(TuneOption.CALLBACK_CLASSES).orElseThrow());
        assertEquals("com.acme.Names", options.get(TuneOption.TRIAL_NAME_CREATOR_CLASS).orElseThrow());
        assertEquals(7, options.get(TuneOption.SAMPLES).orElseThrow());
    }

    @Test
    void aKeyThatIsNoOptionFailsTheBuildNamingTheKeysThatAre() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> AbstractTuneMojo.pomOptions(Map.of("tune.callback", "com.acme.A")));
        assertTrue(e.getMessage().startsWith("<options> of the tune plugin has tune.callback, which is no tune option;"),
                e.getMessage());
        assertTrue(e.getMessage().contains("tune.callbacks"), e.getMessage());
    }
}
