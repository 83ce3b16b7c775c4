package dev.tune.search.gp;

import dev.tune.Config;
import dev.tune.search.SearcherRuns;
import dev.tune.space.Space;

/** The Gaussian process's test function: Branin (the Searcher driver is {@link SearcherRuns}). */
final class GpRuns {

    private GpRuns() {
    }

    /** Branin on x0 in [-5, 10], x1 in [0, 15]; its minimum is 5 / (4 pi). */
    static double branin(Config config) {
        double x1 = config.getDouble("x0");
        double x2 = config.getDouble("x1");
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        double u = x2 - b * x1 * x1 + c * x1 - 6;
        return u * u + 10 * (1 - t) * Math.cos(x1) + 10;
    }

    static Space braninSpace() {
        return Space.builder().uniform("x0", -5, 10).uniform("x1", 0, 15).build();
    }
}
