package dev.tune.search.tpe;

/**
 * How {@link TpeSearch} searches, with Optuna's defaults: {@code startupTrials} random trials
 * first (10), {@code candidates} drawn per suggestion (24), univariate or {@code multivariate},
 * the {@code constantLiar} for running trials (on: it changes nothing when one trial runs at a
 * time, and keeps parallel suggestions apart), and whether start-up trials come from a scrambled
 * Halton sequence ({@code quasiRandomStart}) rather than at random, and whether values are compared
 * at one budget when trials stop at different ones ({@code budgets}, BOHB's rule).
 */
public record TpeSettings(int startupTrials, int candidates, boolean multivariate, boolean constantLiar,
        boolean quasiRandomStart, boolean budgets) {

    /** Optuna's defaults, with the constant liar on and random (not quasi-random) start-up trials. */
    public static final TpeSettings DEFAULTS = new TpeSettings(10, 24, false, true, false, false);

    public TpeSettings {
        if (startupTrials < 0 || candidates < 1) {
            throw new IllegalArgumentException("TPE needs startupTrials >= 0 and candidates >= 1, got "
                    + startupTrials + " and " + candidates);
        }
    }

    /** These settings with multivariate modelling on or off. */
    public TpeSettings multivariate(boolean on) {
        return new TpeSettings(startupTrials, candidates, on, constantLiar, quasiRandomStart, budgets);
    }

    /** These settings with {@code n} random start-up trials. */
    public TpeSettings startupTrials(int n) {
        return new TpeSettings(n, candidates, multivariate, constantLiar, quasiRandomStart, budgets);
    }

    /** These settings with start-up trials from a scrambled Halton sequence, or random ones. */
    public TpeSettings quasiRandomStart(boolean on) {
        return new TpeSettings(startupTrials, candidates, multivariate, constantLiar, on, budgets);
    }

    /**
     * These settings with BOHB's rule on or off: once trials were stopped early, compare trials at
     * the largest number of iterations enough of them reached (see {@link BohbSearch}).
     */
    public TpeSettings budgets(boolean on) {
        return new TpeSettings(startupTrials, candidates, multivariate, constantLiar, quasiRandomStart, on);
    }
}
