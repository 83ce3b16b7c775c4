package dev.tune.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tune.Config;
import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackgroundStoreTest {

    /** Records the calls it gets, in order, from whichever thread. */
    private static final class Recording implements ExperimentStore {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        volatile boolean closed;
        RuntimeException failOn;
        LinkageError linkageErrorOn;
        long window;
        boolean endsAtOnce;

        @Override
        public long flushWindowMillis() {
            return window;
        }

        @Override
        public boolean endsGoOutAtOnce() {
            return endsAtOnce;
        }

        /** How many writes had been applied at each flush. */
        final List<Integer> flushes = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void flush() {
            flushes.add(calls.size());
        }

        @Override
        public void open(ExperimentInfo experiment) {
            calls.add("open");
        }

        @Override
        public void addTrial(Trial trial) {
            calls.add("add " + trial.id());
        }

        @Override
        public void appendResult(Trial trial, Result result) {
            calls.add("result " + trial.id() + " " + result.iteration());
            if (failOn != null && result.iteration() == 2) {
                throw failOn;
            }
            if (linkageErrorOn != null && result.iteration() == 2) {
                throw linkageErrorOn;
            }
        }

        @Override
        public void addCheckpoint(Trial trial, dev.tune.result.SavedCheckpoint checkpoint) {
            calls.add("checkpoint " + trial.id());
        }

        @Override
        public void perturbed(Trial trial, dev.tune.result.Perturbation step, boolean log) {
            calls.add("perturbed " + trial.id());
        }

        @Override
        public void endTrial(Trial trial) {
            calls.add("end " + trial.id());
        }

        @Override
        public void saveState(ExperimentState state) {
            calls.add("state");
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static Trial trial(String id) {
        return new Trial(id, 1, id, Config.empty(), TrialStatus.RUNNING, Optional.empty(), 0, Optional.empty(),
                Map.of(), Optional.empty(), Optional.empty());
    }

    private static Result result(String id, long iteration) {
        return new Result(id, iteration, 0, 0, 0, 0, iteration, false, Map.of("x", 1.0));
    }

    @Test
    void writesHappenInOrderAndCloseWaitsForAllOfThem() {
        Recording recording = new Recording();
        ExperimentStore store = ExperimentStore.inBackground(recording, "test");
        List<String> expected = new ArrayList<>();
        for (int t = 0; t < 50; t++) {
            String id = "t" + t;
            store.addTrial(trial(id));
            expected.add("add " + id);
            for (int i = 1; i <= 20; i++) {
                store.appendResult(trial(id), result(id, i));
                expected.add("result " + id + " " + i);
            }
            store.endTrial(trial(id));
            expected.add("end " + id);
        }
        store.close();
        assertEquals(expected, recording.calls);
        assertEquals(true, recording.closed);
    }

    @Test
    void aFailedWriteDoesNotStopLaterWritesAndIsRethrownOnClose() {
        Recording recording = new Recording();
        recording.failOn = new IllegalStateException("disk full");
        ExperimentStore store = ExperimentStore.inBackground(recording, "test");
        for (int i = 1; i <= 3; i++) {
            store.appendResult(trial("a"), result("a", i));
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, store::close);
        assertSame(recording.failOn, e);
        assertEquals(List.of("result a 1", "result a 2", "result a 3"), recording.calls);
    }

    @Test
    void aMissingClassDoesNotKillTheWriterAndIsReportedOnClose() {
        Recording recording = new Recording();
        recording.linkageErrorOn = new NoClassDefFoundError("com/fasterxml/jackson/annotation/JsonInclude");
        ExperimentStore store = ExperimentStore.inBackground(recording, "test");
        for (int i = 1; i <= 3; i++) {
            store.appendResult(trial("a"), result("a", i));
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, store::close);
        assertSame(recording.linkageErrorOn, e.getCause());
        assertEquals(List.of("result a 1", "result a 2", "result a 3"), recording.calls, "later writes went on");
    }

    @Test
    void writesWithinTheFlushWindowGoOutTogether() throws InterruptedException {
        Recording recording = new Recording();
        recording.window = 60_000; // longer than the test: nothing is flushed before close
        ExperimentStore store = ExperimentStore.inBackground(recording, "test");
        store.appendResult(trial("a"), result("a", 1));
        awaitCalls(recording, 1);
        Thread.sleep(50); // the writer is idle now: without a window it would have flushed
        store.endTrial(trial("a"));
        awaitCalls(recording, 2);
        assertEquals(List.of("result a 1", "end a"), recording.calls);
        assertEquals(List.of(), recording.flushes, "both wait for one flush");
        store.close();
    }

    @Test
    void anEndThatGoesOutAtOnceTakesTheResultsWaitingInTheWindowWithIt() throws InterruptedException {
        Recording recording = new Recording();
        recording.window = 60_000; // longer than the test: results alone would wait until close
        recording.endsAtOnce = true;
        ExperimentStore store = ExperimentStore.inBackground(recording, "test");
        store.appendResult(trial("a"), result("a", 1));
        awaitCalls(recording, 1);
        Thread.sleep(50); // the writer is idle now: the result waits for the window
        assertEquals(List.of(), recording.flushes, "a result waits");
        store.endTrial(trial("a"));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (recording.flushes.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertEquals(List.of(2), recording.flushes, "the end goes out at once, with the result");
        store.appendResult(trial("b"), result("b", 1));
        awaitCalls(recording, 3);
        Thread.sleep(50);
        assertEquals(List.of(2), recording.flushes, "the next result waits again");
        store.close();
    }

    @Test
    void withoutAWindowAnIdleWriterFlushesAtOnce() throws InterruptedException {
        Recording recording = new Recording();
        ExperimentStore store = ExperimentStore.inBackground(recording, "test");
        store.appendResult(trial("a"), result("a", 1));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (recording.flushes.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertEquals(List.of(1), recording.flushes);
        store.close();
    }

    @Test
    void flushReturnsOnceEveryEarlierWriteIsWrittenOut() {
        Recording recording = new Recording();
        recording.window = 60_000; // without the flush asked for, nothing would go out before close
        ExperimentStore store = ExperimentStore.inBackground(recording, "test");
        store.appendResult(trial("a"), result("a", 1));
        store.endTrial(trial("a"));
        store.flush();
        assertEquals(List.of("result a 1", "end a"), recording.calls);
        assertEquals(List.of(2), recording.flushes, "both written, then flushed, before flush returned");
        store.close();
    }

    private static void awaitCalls(Recording recording, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (recording.calls.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    @Test
    void nothingIsWrappedWhenNothingIsKept() {
        assertSame(ExperimentStore.none(), ExperimentStore.inBackground(ExperimentStore.none(), "test"));
    }
}
