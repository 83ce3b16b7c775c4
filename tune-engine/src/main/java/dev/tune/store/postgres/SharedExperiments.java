package dev.tune.store.postgres;

import dev.tune.result.Trial;
import dev.tune.store.ExperimentInfo;
import dev.tune.store.ExperimentState;
import dev.tune.store.LocalDirectoryStore;
import dev.tune.store.StorageException;
import dev.tune.store.StoreEvents;
import dev.tune.store.StoredExperiment;
import dev.tune.store.TrialEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads shared experiments back from a database, as {@link StoredExperiment#load} reads a
 * directory: for analysis ({@code StoredExperiment.result}), {@code tune:list}, and the export to
 * the directory layout. Read-only: it creates no table and takes no lock.
 */
public final class SharedExperiments {

    private SharedExperiments() {
    }

    /** The names of the experiments in the database, oldest first; empty when tune never ran there. */
    public static List<String> names(PostgresLocation location) {
        try (Session session = new Session(new Database(location, Duration.ofSeconds(5)), Duration.ZERO)) {
            return session.transaction("cannot list the experiments in", c -> {
                List<String> names = new ArrayList<>();
                try (ResultSet rows = c.createStatement().executeQuery("SELECT to_regclass('tune_experiment')")) {
                    rows.next();
                    if (rows.getString(1) == null) {
                        return names;
                    }
                }
                try (ResultSet rows = c.createStatement().executeQuery(
                        "SELECT name FROM tune_experiment ORDER BY created_at, id")) {
                    while (rows.next()) {
                        names.add(rows.getString(1));
                    }
                }
                return names;
            });
        }
    }

    /**
     * One line on the shared experiment {@code name}: its trials by status, the workers that joined,
     * and why it stopped, if it did; empty when the database holds no experiment of that name.
     */
    public static Optional<String> status(PostgresLocation location, String name) {
        if (!names(location).contains(name)) {
            return Optional.empty();
        }
        try (Session session = new Session(new Database(location, Duration.ofSeconds(5)), Duration.ZERO)) {
            return Optional.of(session.transaction("cannot read experiment " + name + " in", c -> {
                StringBuilder line = new StringBuilder();
                long total = 0;
                List<String> counts = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("SELECT t.status, count(*) FROM tune_trial t"
                        + " JOIN tune_experiment e ON e.id = t.experiment_id WHERE e.name = ?"
                        + " GROUP BY t.status ORDER BY t.status")) {
                    s.setString(1, name);
                    try (ResultSet rows = s.executeQuery()) {
                        while (rows.next()) {
                            total += rows.getLong(2);
                            counts.add(rows.getLong(2) + " " + rows.getString(1).toLowerCase(Locale.ROOT));
                        }
                    }
                }
                line.append(total).append(total == 1 ? " trial" : " trials");
                if (!counts.isEmpty()) {
                    line.append(" (").append(String.join(", ", counts)).append(')');
                }
                try (PreparedStatement s = c.prepareStatement("SELECT count(w.worker), e.stop_reason"
                        + " FROM tune_experiment e LEFT JOIN tune_worker w ON w.experiment_id = e.id"
                        + " WHERE e.name = ? GROUP BY e.stop_reason")) {
                    s.setString(1, name);
                    try (ResultSet row = s.executeQuery()) {
                        if (row.next()) {
                            line.append(", ").append(row.getLong(1)).append(" worker(s) joined");
                            if (row.getString(2) != null) {
                                line.append(", stopped: ").append(row.getString(2));
                            }
                        }
                    }
                }
                return line.toString();
            }));
        }
    }

    /**
     * How far the log of experiment {@code name} has come: the number of its last event, 0 when it
     * has none or the database holds no such experiment. One cheap query: a dashboard asks it to
     * learn whether anything new was recorded.
     */
    public static long head(PostgresLocation location, String name) {
        try (Session session = new Session(new Database(location, Duration.ofSeconds(5)), Duration.ZERO)) {
            return session.transaction("cannot read experiment " + name + " in", c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT coalesce(max(ev.seq), 0) FROM tune_event ev"
                        + " JOIN tune_experiment e ON e.id = ev.experiment_id WHERE e.name = ?")) {
                    s.setString(1, name);
                    try (ResultSet row = s.executeQuery()) {
                        row.next();
                        return row.getLong(1);
                    }
                }
            });
        }
    }

    /**
     * The experiment {@code name}, its trials rebuilt from its event log; trial directories resolve
     * against {@code trialsRoot} (where the workers wrote them).
     *
     * @throws StorageException when the database cannot be read or holds no experiment of that name
     */
    public static StoredExperiment load(PostgresLocation location, String name, Path trialsRoot) {
        Database database = new Database(location, Duration.ofSeconds(5));
        try (Session session = new Session(database, Duration.ZERO)) {
            return session.transaction("cannot read experiment " + name + " in", c -> {
                long id;
                ExperimentInfo info;
                Optional<ExperimentState> state;
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT id, info, state FROM tune_experiment WHERE name = ?")) {
                    s.setString(1, name);
                    try (ResultSet row = s.executeQuery()) {
                        if (!row.next()) {
                            throw new StorageException("There is no experiment '" + name + "' in "
                                    + location.display() + "; its experiments: " + names(location));
                        }
                        id = row.getLong(1);
                        info = StoreEvents.readInfo(row.getString(2));
                        state = Optional.ofNullable(row.getString(3)).map(StoreEvents::readState);
                    }
                }
                TrialEvents events = new TrialEvents(trialsRoot);
                EventLog.readForLoad(c, id, (seq, number, kind, body) -> events.apply(number, kind, body),
                        events::needResults);
                return new StoredExperiment(info, state, events.trials());
            });
        }
    }

    /**
     * Writes the shared experiment {@code name} into {@code target} in the local directory layout
     * (Ray's files: {@code experiment.json}, the journal, and per trial {@code params.json},
     * {@code result.json} and {@code progress.csv}), replaying its log in order, so tools that read
     * directories read it; one way: nothing goes back to the database. Checkpoints are recorded,
     * their files stay where the workers wrote them.
     *
     * @throws IllegalArgumentException when {@code target} holds something already
     */
    public static Path export(PostgresLocation location, String name, Path target) {
        if (Files.exists(target.resolve("experiment.json"))) {
            throw new IllegalArgumentException(target + " holds an experiment already: export into a new directory");
        }
        Database database = new Database(location, Duration.ofSeconds(5));
        try (Session session = new Session(database, Duration.ZERO);
                LocalDirectoryStore store = new LocalDirectoryStore(target)) {
            session.transaction("cannot export experiment " + name + " from", c -> {
                long id;
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT id, info, state FROM tune_experiment WHERE name = ?")) {
                    s.setString(1, name);
                    try (ResultSet row = s.executeQuery()) {
                        if (!row.next()) {
                            throw new StorageException("There is no experiment '" + name + "' in "
                                    + location.display());
                        }
                        id = row.getLong(1);
                        store.open(StoreEvents.readInfo(row.getString(2)));
                        if (row.getString(3) != null) {
                            store.saveState(StoreEvents.readState(row.getString(3)));
                        }
                    }
                }
                TrialEvents events = new TrialEvents(target);
                EventLog.read(c, id, 0, (seq, number, kind, body) -> {
                    if (StoreEvents.DECIDED.equals(kind)) {
                        return; // a scheduler's mark in the shared log, no trial's event
                    }
                    events.apply(number, kind, body);
                    Trial trial = events.trial(number);
                    switch (kind) {
                        case StoreEvents.ADDED -> store.addTrial(trial);
                        case StoreEvents.RESULT -> store.appendResult(trial, events.lastResult(number));
                        case StoreEvents.CHECKPOINT -> store.addCheckpoint(trial,
                                trial.checkpoints().get(trial.checkpoints().size() - 1));
                        case StoreEvents.ENDED -> {
                            store.endTrial(trial);
                            events.forget(number);
                        }
                        default -> {
                            // a PBT step changes the config that the next events carry
                        }
                    }
                });
                return null;
            });
        }
        return target;
    }
}
