package dev.tune.search.nsga;

import dev.tune.Config;

/** One trial of NSGA-II's population: its generation, its config, and its objectives (lower is better). */
record Member(String id, int number, int generation, Config config, double[] costs) {
}
