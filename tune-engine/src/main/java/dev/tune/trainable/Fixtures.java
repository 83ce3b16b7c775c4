package dev.tune.trainable;

/**
 * The rule that keeps test fixtures out of every scan, as JUnit Jupiter keeps its engine tests'
 * fixtures in an {@code examples} package and selects them by name: a trainable whose package has a
 * segment named {@code examples} ({@code com.acme.examples}, {@code com.acme.examples.slow}) is a
 * fixture. {@code mvn tune:run}, {@code tune:list} and the JUnit engine's package, class-path and
 * module scans skip fixtures; naming one exactly (its class, method or unique id, a package inside
 * {@code examples}, or {@code -Dtune.experiments=} with its full name) still runs it.
 */
public final class Fixtures {

    /** The package segment that marks fixtures. */
    public static final String PACKAGE = "examples";

    private Fixtures() {
    }

    /** True when the class {@code className} (binary name, nested classes with {@code $}) is a fixture. */
    public static boolean isFixture(String className) {
        int lastDot = className.lastIndexOf('.');
        return lastDot > 0 && inFixturePackage(className.substring(0, lastDot));
    }

    /** True when {@code packageName} is, or lies inside, a package segment named {@code examples}. */
    public static boolean inFixturePackage(String packageName) {
        for (String segment : packageName.split("[./]")) {
            if (segment.equals(PACKAGE)) {
                return true;
            }
        }
        return false;
    }
}
