package dev.tune.junit.examples;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/** A suite over a package: model classes are not named *Test, so it includes every class name. */
@Suite
@IncludeEngines("tune")
@SelectPackages("dev.tune.junit.examples.suite")
@IncludeClassNamePatterns(".*")
public class PackageSuite {
}
