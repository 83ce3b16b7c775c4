package dev.tune.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.options.Callback;
import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.process.examples.Crashing;
import dev.tune.process.examples.InChild;
import dev.tune.process.examples.OnGpus;
import dev.tune.process.examples.Slow;
import dev.tune.process.examples.Stateful;
import dev.tune.result.ExperimentResult;
import dev.tune.result.RemoteFailure;
import dev.tune.result.Result;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.result.TrialError;
import dev.tune.result.TrialStatus;
import dev.tune.run.TuneException;
import dev.tune.run.Tuner;
import dev.tune.run.examples.Toy;
import dev.tune.stop.Stopper;
import dev.tune.trainable.Experiment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trials in child JVMs: results and output cross, children are reused, and a crash costs one trial. */
class ProcessIsolationTest {

    private static TuneOptions.Builder inChildren() {
        return TuneOptions.builder().inMemory().verbose(0).seed(7).set(TuneOption.ISOLATION, "process");
    }

    private static TuneOptions.Builder persistedIn(Path dir) {
        return inChildren().set(TuneOption.PERSIST, true).storagePath(dir);
    }

    private static Experiment firstExperiment(Class<?> type) {
        return Experiment.of(type).get(0);
    }

    private static ExperimentResult runMethod(String method, TuneOptions.Builder options) {
        for (Experiment experiment : Experiment.of(Crashing.class)) {
            if (experiment.method().map(m -> m.getName().equals(method)).orElse(false)) {
                return Tuner.run(experiment, options.build());
            }
        }
        throw new IllegalArgumentException(method);
    }

    private static Set<Long> pids(ExperimentResult result) {
        Set<Long> pids = new TreeSet<>();
        result.trials().forEach(t -> pids.add((long) t.lastResult().orElseThrow().metric("pid")));
        return pids;
    }

    @Test
    void trialsRunInTwoReusedChildJvmsWhoseInstancesAreResetAndTheirOutputReachesTheTrialsFiles(@TempDir Path dir)
            throws Exception {
        ExperimentResult result = Tuner.run(InChild.class, persistedIn(dir).set(TuneOption.LOG_TO_FILE, true).build());
        assertEquals(6, result.trials().size());
        for (Trial trial : result.trials()) {
            assertEquals(Termination.COMPLETED, trial.termination().orElseThrow(), trial.name());
            assertEquals(3, trial.iterations(), trial.name());
            assertEquals(3.0, trial.lastResult().orElseThrow().metric("steps"), trial.name());
            assertEquals(0.0, trial.lastResult().orElseThrow().metric("cudaDevices"), "no GPUs asked, none seen");
            String stdout = Files.readString(trial.dir().orElseThrow().resolve("stdout"));
            assertTrue(stdout.contains("step 3 of " + trial.name() + " in "), stdout);
        }
        Set<Long> pids = pids(result);
        assertEquals(2, pids.size(), "one child per slot, reused: " + pids);
        assertTrue(!pids.contains(ProcessHandle.current().pid()), "no trial ran in this JVM");
        double resets = result.trials().stream().mapToDouble(t -> t.lastResult().orElseThrow().metric("resets")).sum();
        assertTrue(resets >= 4, "the child kept its instance for the next trial and reset it (@Reset): " + resets);
        double latest = result.trials().stream().mapToDouble(t -> t.lastResult().orElseThrow().metric("jvmTrial"))
                .max().orElseThrow();
        assertTrue(latest >= 3, "static state lives on in a reused child, as in Ray's reused actors: " + latest);
    }

    @Test
    void theNextExperimentOfThisJvmTakesUpTheChildrenTheLastOneLeftIdle() {
        Set<Long> first = pids(Tuner.run(InChild.class, inChildren().build()));
        Set<Long> second = pids(Tuner.run(InChild.class, inChildren().seed(8).build()));
        assertEquals(first, second, "the same two children ran both experiments");
    }

    @Test
    void withoutReuseEachTrialGetsAFreshInstanceCleanedUpAtItsEndAndAKeptOneIsCleanedUpWithItsExperiment(
            @TempDir Path dir) throws Exception {
        Path noReuse = dir.resolve("no-reuse");
        ExperimentResult fresh = Tuner.run(InChild.class, inChildren().set(TuneOption.REUSE_ACTORS, false)
                .set(TuneOption.ISOLATION_JVM_ARGS, List.of("-Dinchild.cleanups=" + noReuse)).build());
        assertEquals(2, pids(fresh).size(), "the children are reused even so");
        fresh.trials().forEach(t -> assertEquals(0.0, t.lastResult().orElseThrow().metric("resets"), t.name()));
        assertEquals(6, Files.readAllLines(noReuse).size(), "each trial's instance was cleaned up");
        Path reuse = dir.resolve("reuse");
        Tuner.run(InChild.class, inChildren()
                .set(TuneOption.ISOLATION_JVM_ARGS, List.of("-Dinchild.cleanups=" + reuse)).build());
        assertEquals(2, Files.readAllLines(reuse).size(), "the two instances kept for reuse, at the experiment's end");
    }

    @Test
    void aFreshJvmPerTrialKeepsNoStaticStateBetweenTrials() {
        ExperimentResult result = Tuner.run(InChild.class, inChildren()
                .set(TuneOption.ISOLATION_JVM_PER_TRIAL, true).build());
        assertEquals(6, pids(result).size(), "a JVM each");
        for (Trial trial : result.trials()) {
            assertEquals(1.0, trial.lastResult().orElseThrow().metric("jvmTrial"), trial.name());
            assertEquals(0.0, trial.lastResult().orElseThrow().metric("resets"), trial.name());
        }
    }

    @Test
    void systemExitInOneTrialErrsThatTrialWithItsExitCodeAndStderrAndTheOthersComplete() {
        ExperimentResult result = runMethod("exits", inChildren().set(TuneOption.MAX_FAILURES, 1));
        assertOnlySecondErred(result);
        TrialError error = second(result).error().orElseThrow();
        assertEquals(JvmExitedException.class.getName(), error.type());
        assertTrue(error.message().startsWith("Trial " + second(result).name() + " lost its JVM (pid "),
                error.message());
        assertTrue(error.message().contains("it exited with code 3"), error.message());
        assertTrue(error.message().contains("about to exit from " + second(result).name()), error.message());
    }

    @Test
    void runningOutOfASmallHeapSaysTheHeapItHadAndWhereThatCameFrom() {
        ExperimentResult result = runMethod("runsOutOfMemory", inChildren());
        assertOnlySecondErred(result);
        String message = second(result).error().orElseThrow().message();
        assertTrue(message.contains("ran out of memory (java.lang.OutOfMemoryError: Java heap space)"), message);
        assertTrue(message.contains("(-Xmx48m from @Resources(memoryMb)"), message);
    }

    @Test
    void aNativeCrashCostsOneTrialAndNamesTheJvmsErrorReport() throws Exception {
        ExperimentResult result = runMethod("crashesNatively", inChildren());
        assertOnlySecondErred(result);
        String message = second(result).error().orElseThrow().message();
        assertTrue(message.contains("was killed by signal 6 (SIGABRT): a native crash")
                || message.contains("crashed in native code"), message);
        Matcher report = Pattern.compile("(/\\S*tune-hs_err_pid\\d+\\.log)").matcher(message);
        assertTrue(report.find(), "the stderr lines name the JVM's error report: " + message);
        assertTrue(Files.deleteIfExists(Path.of(report.group(1))), "the report is where it says: " + report.group(1));
    }

    @Test
    void aStepThatNeverReturnsEndsWithItsJvmAtTheTimeLimitAsTimedOut() {
        long start = System.nanoTime();
        ExperimentResult result = runMethod("neverReturns", inChildren().set(TuneOption.GRACE_TIME,
                Duration.ofMillis(600)));
        for (Trial trial : result.trials()) {
            assertEquals(TrialStatus.TERMINATED, trial.status(), trial.name());
            Termination expected = trial.id().endsWith("00002") ? Termination.TIMED_OUT : Termination.COMPLETED;
            assertEquals(expected, trial.termination().orElseThrow(), trial.name());
        }
        assertTrue(System.nanoTime() - start < 30e9, "the run ended; it did not wait for the step");
    }

    @Test
    void aChildThatOutlivesSigtermIsKilledAfterHalfTheGraceTime() {
        long start = System.nanoTime();
        ExperimentResult result = runMethod("ignoresSigterm", inChildren().set(TuneOption.GRACE_TIME,
                Duration.ofMillis(1000)));
        for (Trial trial : result.trials()) {
            Termination expected = trial.id().endsWith("00002") ? Termination.TIMED_OUT : Termination.COMPLETED;
            assertEquals(expected, trial.termination().orElseThrow(), trial.name());
        }
        assertTrue(System.nanoTime() - start < 30e9, "the run ended; it did not wait for the JVM");
    }

    @Test
    void eachChildSeesOnlyItsTrialsGpusInCudaVisibleDevicesAndGetsTheJvmArgs() {
        ExperimentResult result = Tuner.run(firstExperiment(OnGpus.class), inChildren()
                .set(TuneOption.TOTAL_GPU, 2.0).build());
        assertEquals(6, result.trials().size());
        Set<Double> gpus = new TreeSet<>();
        for (Trial trial : result.trials()) {
            Result last = trial.lastResult().orElseThrow();
            assertEquals(last.metric("gpu"), last.metric("cuda"), trial.name() + ": CUDA_VISIBLE_DEVICES is its GPU");
            assertEquals(42.0, last.metric("marker"), "the children's JVM options (@Resources(jvmArgs))");
            gpus.add(last.metric("gpu"));
        }
        assertEquals(Set.of(0.0, 1.0), gpus);
    }

    @Test
    void ashaStopsTrialsInChildrenAsInThreads() {
        ExperimentResult result = Tuner.run(InChild.class, inChildren().samples(8)
                .scheduler("asha(maxT=3,gracePeriod=1,reductionFactor=2)").build());
        assertTrue(result.trials().stream().anyMatch(t -> t.termination().orElseThrow() == Termination.EARLY_STOPPED),
                "some trial was stopped early through its child");
        assertTrue(result.trials().stream().allMatch(t -> t.status() == TrialStatus.TERMINATED));
    }

    @Test
    void anExperimentStoppedMidwayResumesInChildrenFromItsCheckpoints(@TempDir Path dir) {
        Stopper atThirdStep = new Stopper() {
            private volatile boolean reached;

            @Override
            public boolean shouldStopTrial(Result result) {
                reached |= result.metric("steps") >= 3;
                return false;
            }

            @Override
            public boolean shouldStopAll() {
                return reached;
            }
        };
        ExperimentResult cut = Tuner.run(Slow.class, persistedIn(dir).maxIterations(20)
                .set(TuneOption.CHECKPOINT_FREQUENCY, 1).stoppers(atThirdStep).build());
        assertTrue(cut.trials().stream().allMatch(t -> t.termination().orElseThrow() == Termination.CANCELLED
                && t.iterations() < 20), "the stop ended both trials midway");
        ExperimentResult resumed = Tuner.run(Slow.class, persistedIn(dir).maxIterations(20)
                .set(TuneOption.CHECKPOINT_FREQUENCY, 1).set(TuneOption.RESUME, "true").build());
        for (Trial trial : resumed.trials()) {
            assertEquals(Termination.COMPLETED, trial.termination().orElseThrow(), trial.name());
            assertEquals(20.0, trial.lastResult().orElseThrow().metric("steps"), trial.name()
                    + ": the state restored matches the iteration count");
        }
        assertTrue(resumed.trials().stream().allMatch(t -> t.lastResult().orElseThrow().iterationsSinceRestore() < 20),
                "each trial went on from its checkpoint (Ray's iterations_since_restore)");
    }

    @Test
    void anExceptionInTheChildIsRecordedWithItsOwnTypeMessageAndStack() {
        ExperimentResult result = runMethod("fails", inChildren());
        assertOnlySecondErred(result);
        TrialError error = second(result).error().orElseThrow();
        assertEquals(IllegalStateException.class.getName(), error.type());
        assertEquals("boom in " + second(result).name(), error.message());
        assertTrue(error.stackTrace().contains("Crashing.fails"), error.stackTrace());
    }

    @Test
    void pbtExploitsCarryTheDonorsCheckpointIntoTheChildThatGoesOn(@TempDir Path dir) {
        ExperimentResult result = Tuner.run(Toy.class, persistedIn(dir).maxConcurrentTrials(2)
                .maxIterations(12).build());
        assertEquals(4, result.trials().size());
        for (Trial trial : result.trials()) {
            assertEquals(TrialStatus.TERMINATED, trial.status(), trial.name() + " " + trial.error());
            assertEquals(12.0, trial.lastResult().orElseThrow().metric("steps"), trial.name()
                    + ": the state restored always matches the iteration count");
            assertEquals(trial.config().getDouble("lr"), trial.lastResult().orElseThrow().metric("lr"),
                    trial.name() + " ran its last steps with its current config");
        }
        assertTrue(result.trials().stream().anyMatch(t -> t.lastResult().orElseThrow().metric("origin")
                != t.lastResult().orElseThrow().metric("lr")), "some trial goes on from another lineage's state");
    }

    @Test
    void aChildKilledFromOutsideCostsItsTrialAnAttemptWhichGoesOnFromItsCheckpointInAFreshJvm(@TempDir Path dir) {
        Set<Long> killed = ConcurrentHashMap.newKeySet();
        Callback killer = new Callback() {
            @Override
            public void onTrialResult(Trial trial, Result result) {
                long pid = (long) result.metric("pid");
                if (trial.id().endsWith("00001") && result.metric("steps") == 2 && killed.isEmpty()) {
                    killed.add(pid);
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        };
        ExperimentResult result = Tuner.run(Slow.class, persistedIn(dir).callbacks(killer)
                .set(TuneOption.MAX_FAILURES, 1).set(TuneOption.CHECKPOINT_FREQUENCY, 1).build());
        Trial first = result.trials().get(0);
        assertEquals(1, killed.size());
        assertEquals(Termination.COMPLETED, first.termination().orElseThrow(), String.valueOf(first.error()));
        assertEquals(5, first.iterations());
        assertNotEquals(killed.iterator().next(), (long) first.lastResult().orElseThrow().metric("pid"),
                "a fresh JVM took the trial up");
        assertEquals(5.0, first.lastResult().orElseThrow().metric("steps"), "restored from its checkpoint");
        assertEquals(Termination.COMPLETED, result.trials().get(1).termination().orElseThrow());
    }

    @Test
    void withoutRetriesTheKilledTrialErrsNamingTheSignal() {
        Callback killer = new Callback() {
            @Override
            public void onTrialResult(Trial trial, Result result) {
                if (trial.id().endsWith("00001") && result.metric("steps") == 2) {
                    ProcessHandle.of((long) result.metric("pid")).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        };
        ExperimentResult result = Tuner.run(Slow.class, inChildren().callbacks(killer).build());
        Trial first = result.trials().get(0);
        assertEquals(TrialStatus.ERROR, first.status());
        String message = first.error().orElseThrow().message();
        assertTrue(message.contains("was killed by signal 9 (SIGKILL)"), message);
        assertEquals(Termination.COMPLETED, result.trials().get(1).termination().orElseThrow());
    }

    @Test
    void aChildThatCannotStartFailsTheTrialWithTheJvmsOwnWords() {
        ExperimentResult result = Tuner.run(Stateful.class, inChildren()
                .set(TuneOption.ISOLATION_JVM_ARGS, List.of("-Xmx1x")).build());
        for (Trial trial : result.trials()) {
            String message = trial.error().orElseThrow().message();
            assertTrue(message.startsWith("A child JVM exited before it started: exited with code 1"), message);
            assertTrue(message.contains("Invalid maximum heap size: -Xmx1x"), message);
        }
    }

    @Test
    void failFastRaisesWithTheChildsExceptionByItsOwnType() {
        TuneException raised = assertThrows(TuneException.class,
                () -> runMethod("fails", inChildren().set(TuneOption.FAIL_FAST, true)));
        assertTrue(raised.getMessage().endsWith("first #2 x=0.61297: java.lang.IllegalStateException: boom in #2"
                + " x=0.61297"), raised.getMessage());
        assertEquals(IllegalStateException.class.getName(), ((RemoteFailure) raised.getCause()).error().type());
    }

    @Test
    void processIsolationRefusesAPausingSchedulerForATrainableWithoutCheckpoints() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Tuner.run(Stateful.class, inChildren().scheduler("hyperband(maxT=3)").build()));
        assertTrue(refused.getMessage().contains("tune.isolation=process"), refused.getMessage());
    }

    private static Trial second(ExperimentResult result) {
        return result.trials().stream().filter(t -> t.id().endsWith("00002")).findFirst().orElseThrow();
    }

    private static void assertOnlySecondErred(ExperimentResult result) {
        assertEquals(4, result.trials().size());
        for (Trial trial : result.trials()) {
            TrialStatus expected = trial == second(result) ? TrialStatus.ERROR : TrialStatus.TERMINATED;
            assertEquals(expected, trial.status(), trial.name() + " " + trial.error().map(TrialError::message));
            if (expected == TrialStatus.TERMINATED) {
                assertEquals(3, trial.iterations(), trial.name());
                assertNotEquals(0, trial.iterations());
            }
        }
    }
}
