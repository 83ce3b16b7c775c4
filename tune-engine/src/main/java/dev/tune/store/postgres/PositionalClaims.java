package dev.tune.store.postgres;

import dev.tune.store.SharedRun.Claim;
import dev.tune.store.SharedRun.Suggester;
import dev.tune.store.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims for a searcher whose suggestions depend only on their position (random, grid, given
 * configs): the suggestions for a window of numbers from the one this worker takes to be next,
 * sent in one statement in which the one that is next lands, with as many after it as the worker
 * has room for ({@link ClaimWindow}). When other workers took them all, the statement says which is
 * next, and the claim asks again from there. The log is replayed later, as the worker's next
 * decision or claim reads it. Called under the experiment's monitor.
 */
final class PositionalClaims {

    private static final Logger LOG = LoggerFactory.getLogger(PositionalClaims.class);

    private final PostgresExperiment experiment;
    private final ClaimWindow offers;
    private volatile int nextGuess = 1;
    /** The searcher's last trial, once a claim found its end. */
    private volatile int lastNumber = Integer.MAX_VALUE;
    /** Trials a claim landed beyond the one it returned: the next claims hand them out. */
    private final ArrayDeque<Integer> landed = new ArrayDeque<>();

    PositionalClaims(PostgresExperiment experiment, ClaimWindow offers) {
        this.experiment = experiment;
        this.offers = offers;
    }

    /**
     * The next trial of this worker's; null when the claim under the experiment's lock decides:
     * the searcher is done, the experiment stopped, or trials wait to be taken over.
     */
    Claim claim(Suggester suggester) {
        Integer stashed = landed.poll();
        if (stashed != null) {
            return suggester.suggest(stashed); // landed with an earlier claim: the same suggestion, again
        }
        long id = experiment.id();
        String worker = experiment.worker();
        int wanted = Math.max(1, suggester.wanted());
        while (true) {
            int first = nextGuess;
            List<ClaimWindow.Offered> window = offers.offer(first, wanted, suggester, last -> lastNumber = last);
            if (window.isEmpty()) {
                return null;
            }
            String[] ids = window.stream().map(ClaimWindow.Offered::id).toArray(String[]::new);
            String[] bodies = window.stream().map(ClaimWindow.Offered::body).toArray(String[]::new);
            int[] sent = {0};
            TrialRows.ClaimAt at = experiment.session().statement("cannot claim a trial of "
                    + experiment.info().name() + " in", c -> {
                        if (sent[0] > 0) {
                            // the first try may have landed before the connection broke:
                            // give back what it could have taken
                            for (int number = first; number < first + window.size(); number++) {
                                TrialRows.release(c, id, number, worker);
                            }
                        }
                        sent[0]++;
                        return TrialRows.claimAt(c, id, first, ids, bodies, worker, wanted);
                    });
            if (at.claimed() > 0) {
                for (int number = at.claimed(); number < at.claimed() + at.count(); number++) {
                    experiment.own(number);
                    if (number > at.claimed()) {
                        landed.add(number);
                    }
                }
                nextGuess = at.claimed() + at.count();
                return suggester.suggest(at.claimed()); // the same suggestion, made for the trial this claim landed
            }
            if (at.stopReason() != null || at.pending() || at.nextNumber() < first) {
                return null;
            }
            nextGuess = at.nextNumber();
        }
    }

    /** True when the trials left would all be held ahead by {@code workers} workers holding as many each. */
    boolean nearTheEnd(int workers, int heldAheadPerWorker) {
        return lastNumber != Integer.MAX_VALUE && workers > 0
                && lastNumber - nextGuess + 1 <= (long) workers * heldAheadPerWorker;
    }

    /** True while trials that landed together wait to be handed out. */
    boolean holdsLanded() {
        return !landed.isEmpty();
    }

    /** This worker read or added trial {@code number}: the next number is after it. */
    void saw(int number) {
        nextGuess = Math.max(nextGuess, number + 1);
    }

    /** Releases the trials that landed and were not handed out, and forgets what was offered. */
    void forget(Connection c) throws SQLException {
        TrialRows.release(c, experiment.id(), landed, experiment.worker());
        landed.clear();
        offers.clear();
    }

    /** Gives the trials that landed for this worker and were never handed out back to the others. */
    void giveBack() {
        if (landed.isEmpty()) {
            return;
        }
        List<Integer> numbers = List.copyOf(landed);
        landed.clear();
        try {
            experiment.session().transaction("cannot release trials of " + experiment.info().name() + " in", c -> {
                TrialRows.release(c, experiment.id(), numbers, experiment.worker());
                return null;
            });
        } catch (StorageException e) {
            LOG.warn("Could not give back trials {}; other workers take them over after the grace period: {}",
                    numbers, e.getMessage());
        }
    }
}
