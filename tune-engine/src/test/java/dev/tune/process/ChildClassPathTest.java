package dev.tune.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.process.examples.InChild;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A child's class path is the one the trainable came from: its loader's entries first, then the application's. */
class ChildClassPathTest {

    @Test
    void aTrainableFromItsOwnLoaderPutsThatLoadersEntriesFirstThenTheApplicationClassPath() throws Exception {
        Path classes = Path.of(InChild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (URLClassLoader project = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            Class<?> loaded = Class.forName(InChild.class.getName(), false, project);
            List<String> entries = List.of(ChildClassPath.of(loaded).split(File.pathSeparator));
            assertEquals(classes.toString(), entries.get(0), "the project's classes first, as under tune:run");
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                assertTrue(entries.contains(Path.of(entry).toAbsolutePath().toString()), entry + " in " + entries);
            }
        }
    }

    @Test
    void aTrainableOnTheApplicationClassPathGetsThatClassPath() {
        List<String> entries = List.of(ChildClassPath.of(InChild.class).split(File.pathSeparator));
        assertEquals(Path.of(System.getProperty("java.class.path").split(File.pathSeparator)[0]).toAbsolutePath()
                .toString(), entries.get(0));
    }
}
