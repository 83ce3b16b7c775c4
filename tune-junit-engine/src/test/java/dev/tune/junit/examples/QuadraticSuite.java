package dev.tune.junit.examples;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/** A JUnit Platform suite that runs a trainable through the tune engine, as users do from src/test. */
@Suite
@IncludeEngines("tune")
@SelectClasses({Quadratic.class, Seeded.class})
public class QuadraticSuite {
}
