package dev.tune.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tune.options.TuneOptions;
import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.run.examples.Bowl;
import dev.tune.schedule.SchedulerProblem;
import dev.tune.store.ExperimentInfo;
import dev.tune.store.ExperimentState;
import dev.tune.store.ExperimentStore;
import dev.tune.store.SharedRun;
import dev.tune.trainable.Experiment;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the book of a shared experiment's worker holds: a trial that ended is in the shared log,
 * which the result is read from, so the book lets go of it (B6: holding both copies of 100,000
 * trials filled a 256 MiB heap), unless a trial's checkpoints or a reader of every trial need it.
 */
class SharedBookTest {

    private static final int TRIALS = 5;

    @TempDir
    Path dir;

    @Test
    void aSharedWorkerHoldsNoTrialThatEnded() throws InterruptedException {
        TrialBook book = book();
        for (int i = 1; i <= TRIALS; i++) {
            LiveTrial trial = book.next();
            assertEquals(i, trial.identity().number());
            assertEquals(1, book.snapshots().size(), "the running trial");
            book.onEnd(trial, null);
            assertEquals(List.of(), book.snapshots(), "trial " + i + " ended: the log holds it, the book not");
        }
        assertNull(book.next());
        assertEquals(TRIALS, book.forget(), "the trials this worker ran, counted though let go of");
    }

    @Test
    void theProgressTableOrTheDashboardKeepsEveryTrial() throws InterruptedException {
        TrialBook book = book();
        book.keepEnded();
        for (int i = 1; i <= TRIALS; i++) {
            book.onEnd(book.next(), null);
        }
        assertNull(book.next());
        assertEquals(TRIALS, book.snapshots().size());
        assertEquals(TRIALS, book.forget());
    }

    @Test
    void aTrialWithACheckpointStays() throws InterruptedException {
        TrialBook book = book();
        LiveTrial saved = book.next();
        saved.checkpointSaved(dir.resolve("checkpoint")); // an exploit decided on it copies it from the book
        book.onEnd(saved, null);
        book.onEnd(book.next(), null);
        assertEquals(List.of(1), book.snapshots().stream().map(Trial::number).toList());
        book.close();
    }

    /** A book of {@link Bowl} as a worker of a shared experiment sees it, random search, one slot. */
    private TrialBook book() {
        Experiment bowl = Experiment.of(Bowl.class).get(0);
        RunPlan plan = RunPlan.resolve(bowl, TuneOptions.builder().samples(TRIALS).searcher("random").seed(3)
                .maxConcurrentTrials(1).verbose(0).storagePath(dir).build());
        plan.searcher().start(plan.problem(plan.scheduler()));
        Log log = new Log(new ExperimentRunner(plan, null).info("t", "random"), dir);
        TrialBook book = new TrialBook(plan, new CallbackList(List.of()), new SharedCoordination(plan, log));
        plan.scheduler().start(new SchedulerProblem(plan.objective(), plan.seed(), bowl.space(), book.view()));
        return book;
    }

    /** A shared experiment with this worker alone: claims land in order, and nothing else is read. */
    private static final class Log implements SharedRun {

        private final ExperimentInfo info;
        private final Path dir;
        private int next = 1;

        Log(ExperimentInfo info, Path dir) {
            this.info = info;
            this.dir = dir;
        }

        @Override
        public synchronized Claim claim(Replica replica, Suggester suggester) {
            Claim claim = suggester.suggest(next);
            next += claim instanceof Claim.Added ? 1 : 0;
            return claim;
        }

        @Override
        public ExperimentInfo info() {
            return info;
        }

        @Override
        public String where() {
            return "memory";
        }

        @Override
        public Instant createdAt() {
            return Instant.now();
        }

        @Override
        public Path trialsRoot() {
            return dir;
        }

        @Override
        public ExperimentStore store(boolean resultsDecided, Gathering gathering) {
            return ExperimentStore.none();
        }

        @Override
        public <T> T decide(Replica replica, int number, Result result, Supplier<T> decision) {
            return decision.get();
        }

        @Override
        public boolean decideQuiet(Replica replica, BooleanSupplier decided) {
            return decided.getAsBoolean();
        }

        @Override
        public void catchUp(Replica replica) {
        }

        @Override
        public int openTrials() {
            return 0;
        }

        @Override
        public RungRead recordAtRungs(List<RungValue> values, long since) {
            throw new UnsupportedOperationException("this test runs no ASHA");
        }

        @Override
        public void stop(String reason) {
        }

        @Override
        public List<Trial> trials() {
            return List.of();
        }

        @Override
        public void saveState(ExperimentState state) {
        }

        @Override
        public void close() {
        }
    }
}
