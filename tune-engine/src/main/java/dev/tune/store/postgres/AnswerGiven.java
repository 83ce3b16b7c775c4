package dev.tune.store.postgres;

import java.sql.SQLException;

/**
 * The database went away after the searcher or scheduler was asked inside a transaction: the
 * transaction cannot run again, since they cannot take back an answer. A claim that meets it
 * starts again from the whole log, into fresh replicas; a decision stops the worker, and another
 * takes its trials over.
 */
final class AnswerGiven extends SQLException {

    private static final long serialVersionUID = 1L;

    private AnswerGiven() {
        super("the connection broke after the searcher or scheduler was asked; this worker stops and its trials are"
                + " taken over");
    }

    /** Refuses to run a transaction again once it asked the searcher or scheduler. */
    static void refuseRetryAfter(boolean asked) throws AnswerGiven {
        if (asked) {
            throw new AnswerGiven();
        }
    }
}
