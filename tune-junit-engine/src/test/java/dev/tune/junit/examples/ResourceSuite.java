package dev.tune.junit.examples;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;

/** A suite that names a class file on the class path and a directory of it. */
@Suite
@IncludeEngines("tune")
@SelectClasspathResource("dev/tune/junit/examples/Quadratic.class")
@SelectClasspathResource("dev/tune/junit/examples/suite")
public class ResourceSuite {
}
