package dev.tune.run;

/** A metric named by the experiment was missing from a result: a mistake retrying cannot fix. */
final class MissingMetricException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    MissingMetricException(String message) {
        super(message);
    }
}
