package com.example.model;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

@Suite
@IncludeEngines("tune")
@SelectClasses(Flaky.class)
public class FlakyTests {
}
