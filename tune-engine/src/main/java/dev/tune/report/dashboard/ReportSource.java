package dev.tune.report.dashboard;

import dev.tune.report.html.ReportInput;

/**
 * Where a dashboard reads one experiment from: a run going on in this JVM, a results directory
 * (perhaps being written by another process), or the shared database.
 */
public interface ReportSource {

    /** The experiment as it stands now. */
    ReportInput read();

    /**
     * A number that changes whenever something new is recorded (a trial added or ended, a
     * result), cheap to ask, so an unchanged experiment is not read again.
     */
    long version();
}
