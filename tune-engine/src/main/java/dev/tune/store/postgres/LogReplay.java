package dev.tune.store.postgres;

import dev.tune.result.Trial;
import dev.tune.store.SharedRun.Replica;
import dev.tune.store.StoreEvents;
import dev.tune.store.TrialEvents;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What one worker has read of a shared experiment's log, and where: every trial as the events so
 * far describe it, the ended ones as their ends summarise them, and the last event read. Each
 * event is applied once, in log order, and told to the worker's replicas. A worker whose replicas
 * read no results ({@link Replica#readsResults}) reads the log without them, keeps a trial whose
 * end carries no summary, and reads that trial's results only when it builds the experiment's
 * trials at its end. Not thread-safe: the shared run's lock guards it.
 */
final class LogReplay {

    private final Path experimentDir;
    private TrialEvents seen;
    private final List<Trial> ended = new ArrayList<>();
    private long cursor;
    /** Whether results are read, decided by the first real replica; null until then. */
    private Boolean results;

    LogReplay(Path experimentDir) {
        this.experimentDir = experimentDir;
        this.seen = new TrialEvents(experimentDir);
    }

    /** The trials read so far, for the claim paths that apply this worker's own events. */
    TrialEvents seen() {
        return seen;
    }

    /** The last event read. */
    long cursor() {
        return cursor;
    }

    /** Marks every event up to {@code seq} read: this worker wrote them and applied them itself. */
    void wrote(long seq) {
        cursor = seq;
    }

    /** Whether this worker reads results from the log; the first real replica asked decides it. */
    boolean withResults(Replica replica) {
        if (results == null && replica != Replica.NONE) {
            results = replica.readsResults();
        }
        return results == null || results;
    }

    /** Applies event {@code seq} and tells {@code replica}; {@code own}: this worker added the trial. */
    void apply(Replica replica, long seq, int number, String kind, String body, boolean own) {
        cursor = seq;
        if (StoreEvents.DECIDED.equals(kind)) {
            if (replica.readsEvents()) {
                replica.quiet();
            }
            return;
        }
        boolean skipResults = !withResults(replica);
        if (skipResults && StoreEvents.RESULT.equals(kind)) {
            return; // left for the end, for the trials whose end carries no summary
        }
        seen.apply(number, kind, body);
        boolean tell = replica.readsEvents() && !(own && replica.hearsOwnDirectly());
        switch (kind) {
            case StoreEvents.ADDED -> {
                if (tell) {
                    replica.added(seen.trial(number), own);
                }
            }
            case StoreEvents.RESULT -> {
                if (tell) {
                    replica.result(() -> seen.trial(number), seen.lastResult(number));
                }
            }
            case StoreEvents.ENDED -> {
                if (tell) {
                    replica.ended(seen.trial(number));
                }
                if (!skipResults || seen.summarised(number)) {
                    ended.add(seen.takeEnded(number));
                }
            }
            case StoreEvents.CHECKPOINT -> {
                if (tell) {
                    seen.withoutResults(number).ifPresent(replica::checkpoint);
                }
            }
            default -> {
                // a PBT step: the trial's config, which seen keeps
            }
        }
    }

    /**
     * Every trial read: the ended ones as kept, the rest as the log describes them, with the
     * results that were left out read now for those that need them.
     */
    List<Trial> trials(Connection c, long experiment) throws SQLException {
        if (!withResults(Replica.NONE)) {
            EventLog.readResults(c, experiment, seen.needResults(),
                    (seq, number, kind, body) -> seen.apply(number, kind, body));
        }
        List<Trial> all = new ArrayList<>(ended);
        all.addAll(seen.trials());
        all.sort(Comparator.comparingInt(Trial::number));
        return all;
    }

    /** Forgets everything read: the log is read again from its start. */
    void reset() {
        cursor = 0;
        ended.clear();
        seen = new TrialEvents(experimentDir);
    }
}
