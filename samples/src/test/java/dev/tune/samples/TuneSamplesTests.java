package dev.tune.samples;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The recommended way to tune {@code src/main} classes from Surefire and the IDE: a JUnit Platform
 * suite in {@code src/test} that hands the samples' package to the tune engine. Surefire runs it
 * like any test class (its name ends in {@code Tests}), and every trial becomes a test case in
 * {@code TEST-dev.tune.samples.TuneSamplesTests.xml}: one smoke trial per experiment, or every trial
 * with {@code -Dtune.junit.mode=full}. The package's trainables are model classes, not named
 * {@code *Test}, so the suite includes every class name. Test fixtures elsewhere in {@code src/test}
 * live in {@code examples} packages, which no scan picks up.
 */
@Suite
@IncludeEngines("tune")
@SelectPackages("dev.tune.samples")
@IncludeClassNamePatterns(".*")
class TuneSamplesTests {
}
