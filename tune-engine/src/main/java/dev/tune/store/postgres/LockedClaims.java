package dev.tune.store.postgres;

import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.store.SharedRun.Claim;
import dev.tune.store.SharedRun.Replica;
import dev.tune.store.SharedRun.Suggester;
import dev.tune.store.SharedRun;
import dev.tune.store.StorageException;
import dev.tune.store.StoreEvents;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a worker does at the head of a shared experiment's log, under the experiment's row lock:
 * claims whose suggestion must follow every event before it (log-ordered replicas, and the
 * fall-back of positional claims), decisions on results there, and the mark of a decision on
 * paused trials with nothing more to come. Each replays the log up to the head, asks the searcher
 * or scheduler, and appends its answer before the lock goes, so every replica sees it at the same
 * place. The caller holds the {@link PostgresExperiment}'s monitor.
 */
final class LockedClaims {

    private static final Logger LOG = LoggerFactory.getLogger(LockedClaims.class);

    private final PostgresExperiment experiment;

    LockedClaims(PostgresExperiment experiment) {
        this.experiment = experiment;
    }

    /** See {@link SharedRun#decide}; the caller holds the experiment's monitor. */
    <T> T decide(Replica replica, int number, Result result, Supplier<T> decision) {
        boolean[] asked = {false};
        return experiment.session().transaction("cannot record a result of " + experiment.info().name() + " in", c -> {
            AnswerGiven.refuseRetryAfter(asked[0]);
            experiment.read(c, replica); // most of the replay before taking the lock
            long last = lockAndRead(c, replica).lastSeq();
            String body = StoreEvents.result(result);
            experiment.log().seen().apply(number, StoreEvents.RESULT, body);
            asked[0] = true; // from here a retry would tell the scheduler this result twice
            T decided = decision.get();
            EventLog.appendOneAndCommit(c, experiment.id(), last + 1,
                    new EventLog.Event(number, StoreEvents.RESULT, body));
            experiment.log().wrote(last + 1);
            return decided;
        });
    }

    /** See {@link SharedRun#decideQuiet}; the caller holds the experiment's monitor. */
    boolean decideQuiet(Replica replica, BooleanSupplier decided) {
        boolean[] asked = {false};
        String doing = "cannot record a decision of " + experiment.info().name() + " in";
        return experiment.session().transaction(doing, c -> {
            AnswerGiven.refuseRetryAfter(asked[0]);
            long last = lockAndRead(c, replica).lastSeq(); // rare: the whole replay under the lock
            asked[0] = true;
            if (!decided.getAsBoolean()) {
                return false; // nothing decided, nothing changed: the lock goes with the transaction
            }
            EventLog.appendOneAndCommit(c, experiment.id(), last + 1, new EventLog.Event(0, StoreEvents.DECIDED, "{}"));
            experiment.log().wrote(last + 1);
            return true;
        });
    }

    /**
     * Claims a trial at the head of the log: every event before it replayed, then a trial a lost
     * worker left, else the searcher's suggestion for the next number, recorded before the lock
     * goes. When the database goes away after the searcher was asked, the claim starts again from
     * the whole log, into fresh replicas. The caller holds the experiment's monitor.
     */
    Claim claim(Replica replica, Suggester suggester) {
        while (true) {
            int[] asked = {0};
            try {
                return claimOnce(replica, suggester, asked);
            } catch (StorageException e) {
                if (asked[0] == 0 || !(e.getCause() instanceof AnswerGiven)) {
                    throw e;
                }
                recover(replica, asked[0]);
            }
        }
    }

    /**
     * After the database went away between asking the searcher and committing: the answer may or
     * may not have reached the experiment.log(). The trial it would have added is released (if it landed, any
     * worker takes it over), and this worker's replicas start again from the whole experiment.log().
     */
    private void recover(Replica replica, int number) {
        LOG.warn("Lost the database while claiming trial {} of {}; replaying the experiment's log into fresh"
                + " replicas of the searcher and scheduler", number, experiment.info().name());
        String doing = "cannot release trial " + number + " of " + experiment.info().name() + " in";
        experiment.session().transaction(doing, c -> {
            TrialRows.release(c, experiment.id(), number, experiment.worker());
            experiment.forgetClaims(c);
            return null;
        });
        replica.rebuild();
    }

    private Claim claimOnce(Replica replica, Suggester suggester, int[] asked) {
        return experiment.session().transaction("cannot claim a trial of " + experiment.info().name() + " in", c -> {
            AnswerGiven.refuseRetryAfter(asked[0] != 0);
            experiment.read(c, replica); // most of the replay before taking the lock: the log is a committed prefix
            EventLog.Head head = lockAndRead(c, replica);
            long last = head.lastSeq();
            if (head.stopReason() != null) {
                return new Claim.Stopped(head.stopReason());
            }
            if (experiment.log().cursor() != last) {
                throw new SQLException("the event log ends at " + experiment.log().cursor()
                        + " but the experiment says " + last);
            }
            OptionalInt lost = head.pending() ? TrialRows.takeOver(c, experiment.id(), experiment.worker())
                    : OptionalInt.empty();
            if (lost.isPresent()) {
                experiment.own(lost.getAsInt());
                return new Claim.TakenOver(experiment.log().seen().trial(lost.getAsInt()));
            }
            int number = head.nextNumber();
            asked[0] = number;
            Claim claim = suggester.suggest(number);
            if (claim instanceof Claim.Added added) {
                Trial trial = added.trial();
                String body = StoreEvents.added(trial, StoreEvents.dirName(experiment.experimentDir(), trial));
                TrialRows.add(c, experiment.id(), number, trial.id(), body, experiment.worker(), last + 1);
                experiment.log().wrote(last + 1);
                experiment.sawNumber(number);
                experiment.own(number);
                experiment.log().seen().apply(number, StoreEvents.ADDED, body);
                replica.added(experiment.log().seen().trial(number), true);
            }
            return claim;
        });
    }

    /** Takes the experiment's lock and replays the events up to its head: one round trip. */
    private EventLog.Head lockAndRead(Connection c, Replica replica) throws SQLException {
        return EventLog.lockAndRead(c, experiment.id(), experiment.log().cursor(), (seq, number, kind, body) ->
                experiment.replay(replica, seq, number, kind, body));
    }
}
