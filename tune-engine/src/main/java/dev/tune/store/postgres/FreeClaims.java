package dev.tune.store.postgres;

import dev.tune.result.Trial;
import dev.tune.store.SharedRun.Claim;
import dev.tune.store.SharedRun.Replica;
import dev.tune.store.SharedRun.Suggester;
import dev.tune.store.StoreEvents;
import java.util.OptionalInt;

/**
 * Claims of a shared experiment's trials whose searcher is asked outside any lock, as Optuna's
 * samplers are asked on shared storage. The worker reads what it has not read of the log, takes
 * the experiment's next trial number (one statement), asks its own searcher for that trial on what
 * it has read, the other workers' running trials counted as running, and records the trial with
 * its {@code added} event, taking its next number in the same statement when it claims trials ahead
 * of its slots and so claims again soon. The experiment's row is
 * locked only inside the server, for one statement at a time, so many workers suggest at once. The
 * number taken with a trial, or one the searcher answered "not now" for, is kept for the next claim,
 * which then only reads the log (no lock); one taken by a worker that dies before it records a
 * trial with it stays unused, so trial numbers may have gaps, never duplicates.
 */
final class FreeClaims {

    private final PostgresExperiment experiment;
    /** How long a worker's heartbeat may be silent before its taken numbers no longer count. */
    private final double graceSeconds;
    /**
     * A number taken and not used yet, for the next claim: taken with the last trial recorded, or
     * the searcher said not now. 0 when none: the next claim takes one, or finds trials to take over.
     */
    private volatile int held;
    /** Whether this worker ever took a number: only then has it any to give back. */
    private volatile boolean took;

    FreeClaims(PostgresExperiment experiment, double graceSeconds) {
        this.experiment = experiment;
        this.graceSeconds = graceSeconds;
    }

    /** Claims a trial another worker lost, else a new one; the suggestion is asked with no lock held. */
    Claim claim(Replica replica, Suggester suggester) {
        String name = experiment.info().name();
        int number;
        synchronized (experiment) {
            Session session = experiment.session();
            if (held > 0) {
                session.statement("cannot read the log of " + name + " in", c -> {
                    experiment.read(c, replica);
                    return null;
                });
                number = held;
            } else {
                took = true;
                int[] sent = {0};
                TrialRows.Taken taken = session.statement("cannot take a trial number of " + name + " in", c -> {
                    if (sent[0]++ > 0) { // the first try may have landed before the connection broke
                        TrialRows.giveBackNumbers(c, experiment.id(), experiment.worker());
                    }
                    return experiment.takeAndRead(c, replica, experiment.info().samples(), graceSeconds);
                });
                if (taken.stopReason() != null) {
                    return new Claim.Stopped(taken.stopReason());
                }
                if (taken.pending()) {
                    return takeOver(session, name);
                }
                if (taken.number() == 0) {
                    return new Claim.Finished(); // the experiment has all its trials
                }
                number = taken.number();
            }
        }
        Claim claim = suggester.suggest(number);
        held = claim instanceof Claim.NotNow ? number : 0;
        if (claim instanceof Claim.Added added) {
            return record(added.trial(), name, suggester.claimsAgainSoon());
        }
        if (claim instanceof Claim.Finished) {
            giveBack();
        }
        return claim;
    }

    /** Gives back a number taken and not used: the searcher is done, or this worker leaves. */
    void giveBack() {
        held = 0;
        if (!took) {
            return;
        }
        synchronized (experiment) {
            experiment.session().statement("cannot give back a trial number of " + experiment.info().name() + " in",
                    c -> {
                        TrialRows.giveBackNumbers(c, experiment.id(), experiment.worker());
                        return null;
                    });
        }
    }

    /** Takes over the lowest trial a lost worker left, if another worker did not take it first. */
    private Claim takeOver(Session session, String name) {
        OptionalInt lost = session.transaction("cannot take over a trial of " + name + " in",
                c -> TrialRows.takeOver(c, experiment.id(), experiment.worker()));
        if (lost.isEmpty()) {
            return new Claim.NotNow();
        }
        experiment.own(lost.getAsInt());
        return new Claim.TakenOver(experiment.seenTrial(lost.getAsInt()));
    }

    /**
     * Records the suggested trial, with {@code takeNext} taking this worker's next number in the
     * same statement, kept for the next claim; the experiment's stop when it stopped meanwhile.
     */
    private Claim record(Trial trial, String name, boolean takeNext) {
        String body = StoreEvents.added(trial, StoreEvents.dirName(experiment.trialsRoot(), trial));
        synchronized (experiment) {
            experiment.own(trial.number());
            int[] sent = {0};
            TrialRows.Taken next = experiment.session().statement("cannot record trial " + trial.number() + " of "
                    + name + " in", c -> {
                        if (sent[0]++ > 0) { // the first try may have taken a number before the connection broke
                            TrialRows.giveBackNumbers(c, experiment.id(), experiment.worker());
                        }
                        if (!takeNext) {
                            String stop = TrialRows.addTaken(c, experiment.id(), trial.number(), trial.id(), body,
                                    experiment.worker());
                            return new TrialRows.Taken(0, stop, false);
                        }
                        return TrialRows.addTakenAndTake(c, experiment.id(), trial.number(), trial.id(), body,
                                experiment.worker(), experiment.info().samples(), graceSeconds);
                    });
            if (next.stopReason() != null) {
                return new Claim.Stopped(next.stopReason());
            }
            held = next.number(); // 0 when none was left, or trials wait to be taken over: the next claim asks
            return new Claim.Added(trial);
        }
    }
}
