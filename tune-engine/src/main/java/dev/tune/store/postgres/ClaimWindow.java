package dev.tune.store.postgres;

import dev.tune.store.SharedRun.Claim;
import dev.tune.store.SharedRun.Suggester;
import dev.tune.store.StoreEvents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * The trials a positional claim offers: the searcher's suggestions for a run of numbers from the
 * one this worker takes to be the experiment's next, of which the one that is next lands. Other
 * workers claim at the same moment, so the run reaches {@link #REACH} past what this worker wants.
 * The ids and {@code added} events are made once per number and kept until the experiment passes
 * them, so a claim that missed costs no new work for the numbers it offers again. The suggestion
 * a claim lands is asked of the searcher again (positional suggestions repeat), so that the
 * worker's trial is made by the claim that landed it.
 */
final class ClaimWindow {

    /**
     * How many trials are offered beyond those wanted: more than the other workers take between
     * this worker's look at the experiment's next number and its claim. Wider windows measured no
     * better on B7 (64 slots): each claim then sends more events.
     */
    static final int REACH = 16;

    private final Path experimentDir;
    private final NavigableMap<Integer, Offered> made = new TreeMap<>();

    ClaimWindow(Path experimentDir) {
        this.experimentDir = experimentDir;
    }

    /** One suggestion's trial id and {@code added} event. */
    record Offered(String id, String body) {
    }

    /**
     * The suggestions for {@code first}, {@code first + 1}, ..., as many as the reach and
     * {@code wanted} allow; fewer where the searcher has no more ({@code ended} is told the
     * number of its last trial), none when {@code first} is past it.
     */
    List<Offered> offer(int first, int wanted, Suggester suggester, IntConsumer ended) {
        made.headMap(first).clear();
        List<Offered> window = new ArrayList<>();
        for (int number = first; number < first + REACH + wanted; number++) {
            Offered offered = made.get(number);
            if (offered == null) {
                Claim suggested = suggester.suggest(number);
                if (!(suggested instanceof Claim.Added added)) {
                    if (suggested instanceof Claim.Finished) {
                        ended.accept(number - 1);
                    }
                    break;
                }
                offered = new Offered(added.trial().id(),
                        StoreEvents.added(added.trial(), StoreEvents.dirName(experimentDir, added.trial())));
                made.put(number, offered);
            }
            window.add(offered);
        }
        return window;
    }

    /** Forgets the suggestions made: after the log is read again from its start. */
    void clear() {
        made.clear();
    }
}
