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
 * A class-path scan, with the test classes too, shows that test fixtures stay out of discovery.
 */
class ConsoleLauncherTest {

    /** A trial in the launcher's ASCII tree: {@code +-- #1 a=0.001, b=2 [OK]}. */
    private static final Pattern TRIAL = Pattern.compile("^[ |]*[+']-- #(\\d+) a=([0-9.]+), b=[123] \\[OK\\]$",
            Pattern.MULTILINE);

    @Test
    void runsTheQuickstartAsAContainerOfFourTrials(@TempDir Path dir) throws Exception {
        Path storage = dir.resolve("results");
        String output = run(dir.resolve("console.txt"), command(storage, "--select-class",
                TuneSample_01_Quickstart.class.getName()));
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

    /**
     * A trial id copied from the launcher's own XML report runs that trial alone again, as IntelliJ's
     * "rerun" passes it: here a class-API trainable whose name matches none of the launcher's default
     * class-name patterns, which must not hide it.
     */
    @Test
    void aTrialIdFromTheReportRunsThatTrialAgain(@TempDir Path dir) throws Exception {
        Path storage = dir.resolve("results");
        Path reports = dir.resolve("reports");
        String first = run(dir.resolve("first.txt"), command(storage, "--select-class", LogisticRegression.class.getName(),
                "--config=tune.samples=4", "--config=tune.stop.maxIterations=3", "--reports-dir", reports.toString()));
        assertTrue(first.contains("[         4 tests successful      ]"), first);
        String report = Files.readString(reports.resolve("TEST-tune.xml"), StandardCharsets.UTF_8);
        Matcher trial = Pattern.compile("<testcase name=\"(#3 [^\"]*)\"[^>]*>\\s*<system-out><!\\[CDATA\\[\\s*unique-id: "
                + "(\\[engine:tune][^\\n]*\\[trial:3])")
                .matcher(report);
        assertTrue(trial.find(), "the report holds trial #3 and its unique id:\n" + report);
        String id = trial.group(2).trim();
        assertEquals("[engine:tune]/[class:dev.tune.samples.LogisticRegression]/[experiment:dev.tune.samples.LogisticRegression]"
                + "/[trial:3]", id);

        String again = run(dir.resolve("again.txt"), command(storage, "--select-unique-id", id,
                "--config=tune.samples=4", "--config=tune.stop.maxIterations=3"));
        assertTrue(again.contains("[         1 tests found           ]"), again);
        assertTrue(again.contains("[         1 tests successful      ]"), again);
        assertTrue(again.contains("-- " + trial.group(1) + " [OK]"), "the same trial, number and config:\n" + again);
        assertTrue(Files.isRegularFile(storage.resolve("logistic-regression-rerun-3").resolve("experiment.json")), again);
    }

    /**
     * The samples' suite, as a user runs {@code src/main} trainables from {@code src/test}: the tune
     * engine nested under the suite engine, and a trial id from under the suite, copied from the
     * report, runs that trial again.
     */
    @Test
    void theSuiteRunsTheSamplesAndATrialIdUnderItRunsAgain(@TempDir Path dir) throws Exception {
        Path storage = dir.resolve("results");
        Path reports = dir.resolve("reports");
        String first = run(dir.resolve("first.txt"), command(storage, true, "--select-class",
                TuneSamplesTests.class.getName(), "--config=tune.verbose=0", "--reports-dir", reports.toString()));
        assertTrue(first.contains("[         0 tests failed          ]"), first);
        String report = Files.readString(reports.resolve("TEST-junit-platform-suite.xml"), StandardCharsets.UTF_8);
        Matcher trial = Pattern.compile("<testcase name=\"(#2 [^\"]*)\"[^>]*>\\s*<system-out><!\\[CDATA\\[\\s*unique-id: "
                + "(\\[engine:junit-platform-suite]/\\[suite:dev.tune.samples.TuneSamplesTests]/\\[engine:tune]/"
                + "\\[class:dev.tune.samples.TuneSample_02_FunctionApi][^\\n]*\\[trial:2])").matcher(report);
        assertTrue(trial.find(), "the suite's report holds function-api's trial #2 and its id:\n" + report);

        String again = run(dir.resolve("again.txt"), command(storage, true, "--select-unique-id", trial.group(2).trim(),
                "--config=tune.verbose=0"));
        assertTrue(again.contains("[         1 tests successful      ]") && again.contains("[         1 tests found           ]"),
                again);
        assertTrue(again.contains("-- " + trial.group(1) + " [OK]"), again);
        assertTrue(Files.isRegularFile(storage.resolve("function-api-rerun-2").resolve("experiment.json")), again);
    }

    /**
     * {@code --scan-classpath} over the samples' classes and this module's test classes finds every
     * sample experiment and none of the test fixtures, which live in {@code examples} packages.
     */
    @Test
    void aClasspathScanFindsEverySampleAndNoTestFixture(@TempDir Path dir) throws Exception {
        Path launcher = launcherJar();
        String roots = location(TuneSample_01_Quickstart.class) + File.pathSeparator + location(ConsoleLauncherTest.class);
        String output = run(dir.resolve("discover.txt"), List.of(java(), "-jar", launcher.toString(), "discover",
                "--disable-banner", "--disable-ansi-colors", "--details=tree", "--details-theme=ascii",
                "--class-path", classPath(launcher) + File.pathSeparator + location(ConsoleLauncherTest.class),
                "--include-engine=tune", "--include-classname=.*", "--scan-classpath", roots));
        Set<String> experiments = new TreeSet<>();
        Matcher line = Pattern.compile("^[ |]*[+']-- (\\S+)$", Pattern.MULTILINE).matcher(output);
        while (line.find()) {
            experiments.add(line.group(1));
        }
        assertTrue(experiments.containsAll(Samples.SAMPLES.keySet()), "every sample is found:\n" + output);
        experiments.removeAll(Samples.SAMPLES.keySet());
        experiments.remove("tune");
        for (String container : experiments) {
            assertTrue(isSampleClass(container), container + " is neither a sample nor its class:\n" + output);
        }
    }

    private static boolean isSampleClass(String simpleName) {
        try {
            Class.forName(Samples.class.getPackageName() + "." + simpleName, false, Samples.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static List<String> command(Path storage, String... selection) throws URISyntaxException {
        return command(storage, false, selection);
    }

    /** {@code withTests}: the class path holds this module's test classes too (the suite). */
    private static List<String> command(Path storage, boolean withTests, String... selection) throws URISyntaxException {
        Path launcher = launcherJar();
        List<String> command = new ArrayList<>(List.of(java(), "-jar", launcher.toString(), "execute",
                "--disable-banner", "--disable-ansi-colors", "--details=tree", "--details-theme=ascii",
                "--class-path", classPath(launcher) + (withTests ? File.pathSeparator
                        + location(ConsoleLauncherTest.class) : ""),
                "--config=tune.junit.mode=full", "--config=tune.storagePath=" + storage));
        command.addAll(List.of(selection));
        return command;
    }

    /**
     * Runs the launcher to its end and returns what it printed (decoded as Latin-1, which reads any
     * bytes whatever encoding the launcher's JVM chose); fails on a time-out or a non-zero exit.
     */
    private static String run(Path log, List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the console launcher did not finish within 60 s: " + Files.readString(log,
                    StandardCharsets.ISO_8859_1));
        }
        String output = Files.readString(log, StandardCharsets.ISO_8859_1);
        System.out.println(output);
        assertEquals(0, process.exitValue(), "exit code of " + String.join(" ", command) + "\n" + output);
        return output;
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
