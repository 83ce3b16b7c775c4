package dev.tune.run;

import dev.tune.result.Trial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The trials a {@link TrialBook} holds, under its lock: its live trials, by id too, and those a
 * resume kept as they ended. A worker of a shared experiment lets go of a trial once it has ended:
 * its end goes to the shared log, which the experiment's result is read from, and holding both
 * copies of 100,000 trials filled B6's 256 MiB heap. A trial with checkpoints stays (an exploit
 * decided on it copies them from here), and every trial stays when something reads them all while
 * the run goes on ({@link #keepEnded}: the progress table, the live dashboard).
 */
final class HeldTrials {

    private final List<LiveTrial> live = new ArrayList<>();
    private final Map<String, LiveTrial> byId = new HashMap<>();
    private final List<Trial> kept = new ArrayList<>();
    private boolean letGo;
    private int letGoOf;

    /** {@code shared}: the book's worker shares its experiment through a store that keeps every trial. */
    HeldTrials(boolean shared) {
        this.letGo = shared;
    }

    /** Makes {@code trial} one of the book's. */
    LiveTrial track(LiveTrial trial) {
        live.add(trial);
        byId.put(trial.id, trial);
        return trial;
    }

    /** The live trials by id (the ones let go of are not there: ended, and without checkpoints). */
    Map<String, LiveTrial> byId() {
        return byId;
    }

    /** Trials a resume keeps as they ended. */
    void keep(List<Trial> trials) {
        kept.addAll(trials);
    }

    /** Something reads every trial while the run goes on: ended ones stay, shared or not. */
    void keepEnded() {
        letGo = false;
    }

    /** {@code trial} ended, and its end is on its way to the store: a shared worker lets go of it. */
    void ended(LiveTrial trial) {
        if (letGo && trial.latestSaved().isEmpty() && byId.remove(trial.id, trial)) {
            live.remove(live.lastIndexOf(trial)); // found near the end, where the trials still running are
            letGoOf++;
        }
    }

    /** The live trials, in the order they came. */
    List<LiveTrial> live() {
        return live;
    }

    /** Every trial held, as it is now, in trial order. */
    List<Trial> snapshots() {
        return Stream.concat(kept.stream(), live.stream().map(LiveTrial::snapshot))
                .sorted(Comparator.comparingInt(Trial::number)).toList(); // in order, but after a resume
    }

    /** How many trials the book took, those let go of too; forgets them all. */
    int forget() {
        int count = live.size() + letGoOf;
        live.clear();
        byId.clear();
        return count;
    }
}
