package dev.tune.store.postgres;

import dev.tune.result.Trial;
import dev.tune.store.TrialEvents;
import java.nio.file.Path;
import java.util.List;

/** Reads every trial of a shared experiment back from its event log. */
final class SharedTrials {

    private SharedTrials() {
    }

    static List<Trial> load(Session session, long experiment, Path experimentDir) {
        try (session) {
            return session.transaction("cannot read the trials of experiment " + experiment + " in", c -> {
                TrialEvents events = new TrialEvents(experimentDir);
                EventLog.readForLoad(c, experiment, (seq, number, kind, body) -> events.apply(number, kind, body),
                        events::needResults);
                return events.trials();
            });
        }
    }
}
