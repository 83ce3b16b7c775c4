package dev.tune.report.dashboard;

import dev.tune.report.html.ReportInput;
import dev.tune.store.postgres.PostgresLocation;
import dev.tune.store.postgres.SharedExperiments;

/**
 * A shared experiment in the database ({@link ReportInput#of(PostgresLocation, String)} reads it
 * through an export of its log). Its version is the log's head, one cheap query, so an experiment
 * no worker added to is not read again.
 */
final class DatabaseSource implements ReportSource {

    private final PostgresLocation location;
    private final String name;

    DatabaseSource(PostgresLocation location, String name) {
        this.location = location;
        this.name = name;
    }

    @Override
    public ReportInput read() {
        return ReportInput.of(location, name);
    }

    @Override
    public long version() {
        return SharedExperiments.head(location, name);
    }
}
