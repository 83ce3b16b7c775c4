package dev.tune.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real client of the tune engine: JUnit's console launcher, in its own JVM, runs sample 1 as a
 * user would from a shell, in full mode. The experiment is a container and each of its four grid
 * trials a test. The build copies the launcher to {@code target} (maven-dependency-plugin); the
 * class path is this JVM's, without the test classes: the samples' classes and the engine's jars.
 */
class ConsoleLauncherTest {

    /** A trial in the launcher's ASCII tree: {@code +-- #1 a=0.001, b=2 [OK]}. */
    private static final Pattern TRIAL = Pattern.compile("^[ |]*[+']-- #(\\d+) a=([0-9.]+), b=[123] \\[OK\\]$",
            Pattern.MULTILINE);

    @Test
    void runsTheQuickstartAsAContainerOfFourTrials(@TempDir Path dir) throws Exception {
        Path launcher = launcherJar();
        Path storage = dir.resolve("results");
        List<String> command = List.of(java(), "-jar", launcher.toString(), "execute",
                "--disable-banner", "--disable-ansi-colors", "--details=tree", "--details-theme=ascii",
                "--include-engine=tune",
                "--class-path", classPath(launcher),
                "--select-class", TuneSample_01_Quickstart.class.getName(),
                "--config=tune.junit.mode=full",
                "--config=tune.storagePath=" + storage);
        Path log = dir.resolve("console.txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor();
        }
        // Latin-1 decodes any bytes, whatever encoding the launcher's JVM chose for its output.
        String output = Files.readString(log, StandardCharsets.ISO_8859_1);
        System.out.println(output);

        assertTrue(exited, "the console launcher did not finish within 60 s:\n" + output);
        assertEquals(0, process.exitValue(), "exit code of " + String.join(" ", command) + "\n" + output);
        assertTrue(Pattern.compile("^[ |]*[+']-- quickstart \\[OK\\]$", Pattern.MULTILINE).matcher(output).find(),
                "the experiment is a container in the tree:\n" + output);
        Set<String> numbers = new TreeSet<>();
        Set<String> values = new TreeSet<>();
        Matcher trial = TRIAL.matcher(output);
        while (trial.find()) {
            numbers.add(trial.group(1));
            values.add(trial.group(2));
        }
        assertEquals(Set.of("1", "2", "3", "4"), numbers, "one test per trial, #1 to #4:\n" + output);
        assertEquals(Set.of("0.001", "0.01", "0.1", "1"), values, "one trial per grid value of a:\n" + output);
        assertTrue(output.contains("[         4 tests successful      ]"), output);
        assertTrue(output.contains("[         0 tests failed          ]"), output);
        assertTrue(Files.isDirectory(storage.resolve("quickstart")),
                "full mode wrote the experiment under the given tune.storagePath:\n" + output);
    }

    /** Where the build copied the launcher (maven-dependency-plugin, phase process-test-classes). */
    private static Path launcherJar() {
        Path jar = Path.of(System.getProperty("consoleLauncherJar", "target/junit-platform-console-standalone.jar"));
        assertTrue(Files.isRegularFile(jar), jar.toAbsolutePath() + " is missing; the build copies it: "
                + "./mvnw -pl samples process-test-classes");
        return jar;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This JVM's class path without the launcher and this module's test classes. */
    private static String classPath(Path launcher) throws URISyntaxException {
        Path tests = location(ConsoleLauncherTest.class);
        Path samples = location(TuneSample_01_Quickstart.class);
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                Path path = Path.of(entry).toAbsolutePath().normalize();
                if (!path.equals(launcher.toAbsolutePath().normalize()) && !path.equals(tests)) {
                    entries.add(path);
                }
            }
        }
        assertTrue(entries.contains(samples), "the samples' classes " + samples + " are on the class path " + entries);
        return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize();
    }
}
