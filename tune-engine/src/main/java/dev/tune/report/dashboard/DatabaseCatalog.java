package dev.tune.report.dashboard;

import dev.tune.store.postgres.PostgresLocation;
import dev.tune.store.postgres.SharedExperiments;
import java.util.List;
import java.util.Optional;

/** The shared experiments in a database, each read as {@link DatabaseSource} reads it. */
final class DatabaseCatalog implements Catalog {

    private final PostgresLocation location;

    DatabaseCatalog(PostgresLocation location) {
        this.location = location;
    }

    @Override
    public List<Entry> list() {
        return SharedExperiments.names(location).stream()
                .map(name -> new Entry(name, SharedExperiments.status(location, name).orElse(""))).toList();
    }

    @Override
    public Optional<ReportSource> source(String name) {
        return SharedExperiments.names(location).contains(name)
                ? Optional.of(new DatabaseSource(location, name)) : Optional.empty();
    }

    @Override
    public String where() {
        return location.display();
    }
}
