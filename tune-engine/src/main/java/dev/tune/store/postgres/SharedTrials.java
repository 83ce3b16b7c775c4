package dev.tune.store.postgres;

import dev.tune.result.Trial;
import dev.tune.store.TrialEvents;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Reads every trial of a shared experiment back from its event log. */
final class SharedTrials {

    private SharedTrials() {
    }

    static List<Trial> load(Database database, long experiment, Path experimentDir) {
        TrialEvents events = new TrialEvents(experimentDir);
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            EventLog.read(c, experiment, 0, (seq, number, kind, body) -> events.apply(number, kind, body));
            c.commit();
        } catch (SQLException e) {
            throw database.failure("cannot read the trials of experiment " + experiment + " in", e);
        }
        return events.trials();
    }
}
