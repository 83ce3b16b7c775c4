package com.example.model;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/** Runs the model in src/main through the tune engine: Surefire and IDEs run this suite like any test. */
@Suite
@IncludeEngines("tune")
@SelectClasses(RidgeRegression.class)
public class TuningTests {
}
