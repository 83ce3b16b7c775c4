package dev.tune.report.dashboard;

import java.util.List;
import java.util.Optional;

/** The experiments a dashboard over many serves: those under a results directory, or in a database. */
interface Catalog {

    /** One experiment as the index lists it. */
    record Entry(String name, String status) {
    }

    /** Every experiment, by name. */
    List<Entry> list();

    /** The experiment called {@code name}, only when it is one of {@link #list()}'s. */
    Optional<ReportSource> source(String name);

    /** Where the experiments are, as a person reads it. */
    String where();
}
