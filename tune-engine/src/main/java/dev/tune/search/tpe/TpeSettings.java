package dev.tune.search.tpe;

/**
 * How {@link TpeSearch} searches, with Optuna's defaults: {@code startupTrials} random trials
 * first (10), {@code candidates} drawn per suggestion (24), univariate or {@code multivariate},
 * and the {@code constantLiar} for running trials (on: it changes nothing when one trial runs at a
 * time, and keeps parallel suggestions apart).
 */
public record TpeSettings(int startupTrials, int candidates, boolean multivariate, boolean constantLiar) {

    /** Optuna's defaults, with the constant liar on. */
    public static final TpeSettings DEFAULTS = new TpeSettings(10, 24, false, true);

    public TpeSettings {
        if (startupTrials < 0 || candidates < 1) {
            throw new IllegalArgumentException("TPE needs startupTrials >= 0 and candidates >= 1, got "
                    + startupTrials + " and " + candidates);
        }
    }

    /** These settings with multivariate modelling on or off. */
    public TpeSettings multivariate(boolean on) {
        return new TpeSettings(startupTrials, candidates, on, constantLiar);
    }

    /** These settings with {@code n} random start-up trials. */
    public TpeSettings startupTrials(int n) {
        return new TpeSettings(n, candidates, multivariate, constantLiar);
    }
}
