package dev.tune.bench;

import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.result.ExperimentResult;
import dev.tune.run.Tuner;
import dev.tune.store.postgres.PostgresServer;
import dev.tune.trainable.Experiment;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * B4W, B4's quality when workers share one experiment (issue 13: "the quality of a 4-worker run on
 * B4 is at parity with a 1-process run with 4 parallel trials"). For each function and seed
 * 0..19, with each searcher asked for (default {@code auto}, tune's default, and {@code tpe}):
 * <ol>
 *   <li><b>parallel</b>: one {@code Tuner.run} in this JVM, 100 trials, 4 at a time, in memory;</li>
 *   <li><b>workers</b>: 4 worker JVMs ({@link B4Worker}) that join one experiment on one
 *       PostgreSQL server, 100 trials in all, each worker one trial at a time.</li>
 * </ol>
 * Regrets after 25, 50 and 100 trials are taken in trial-number order, the order in which the
 * experiment created trials (claims, across workers); the two sides' 20 regrets after 100 trials
 * are compared with B4's rule ({@link B4WorkersReport}).
 *
 * <p><b>Worker JVMs, not threads.</b> The workers are separate JVMs, as on a cluster, so nothing
 * is shared but the database. They are started once per searcher and run every function and
 * seed in turn, each run a fresh experiment (its own name), meeting at a barrier before each
 * run so that all four start it together; a JVM per run would cost a JVM start and a JIT warm-up
 * per run on 2 cores for nothing the comparison needs. Both sides warm up with one run of each
 * function first (seed 1000, not counted).
 *
 * <p><b>Trials take time.</b> B4's trials take none; then parallel trials would hardly overlap,
 * and each suggestion would see every earlier trial ended, as in a sequential run. So every trial
 * of both sides sleeps 20 ms first ({@code -Db4w.pauseMillis=<ms>} changes it): far longer than a
 * suggestion (the one process runs its 100 trials in 0.51 to 0.56 s, against 0.5 s of sleep), so
 * close to 4 trials run at once, and short enough that 2 x 140 runs per searcher take minutes.
 * Trials this short once showed what a worker's throughput measures cost a model-based searcher:
 * with a trial claimed ahead per slot and ends gathered for 25 ms before they reached the log, its
 * searcher counted more trials running than the one process's did, and {@code auto} (CMA-ES on
 * most functions) lost parity on 4 of 7. A model-based searcher's worker now claims only for a
 * free slot, after its ends are written (docs/performance.md, "B4W: quality across workers"). The
 * average number of trials running at once is printed for both sides.
 */
final class B4Workers {

    /** The searchers B4W runs unless the command line names others. */
    static final List<String> DEFAULT_SEARCHERS = List.of("auto", "tpe");
    /** Workers, and trials at a time in the one process. */
    static final int WORKERS = 4;
    /** Each trial's sleep before it evaluates its function, in ms: 20, or {@code -Db4w.pauseMillis}. */
    static final long PAUSE_MILLIS = Long.getLong("b4w.pauseMillis", 20);
    private static final long TIMEOUT_MINUTES = 60;

    private B4Workers() {
    }

    /** Runs both sides for every available searcher; prints the comparison and returns the RESULT lines. */
    static List<String> run(List<String> searchers, int seeds, int workers, PrintStream out) {
        long start = System.nanoTime();
        out.printf("B4W: %d functions, %d trials, seeds 0..%d; one process with %d trials at a time (in memory) against"
                + " %d worker JVMs sharing one experiment on one PostgreSQL (one trial at a time each); every trial"
                + " sleeps %d ms; regret@k = best value among trials 1..k (by trial number) minus f*%n",
                B4Function.values().length, B4Protocol.BUDGET, seeds - 1, workers, workers, PAUSE_MILLIS);
        List<String> available = new ArrayList<>();
        for (String searcher : searchers) {
            if (AvailableSearchers.has(searcher)) {
                available.add(searcher);
            } else {
                out.println("B4W searcher " + searcher + ": not available yet");
            }
        }
        Map<String, Map<B4Function, B4Arm[]>> figures = new LinkedHashMap<>();
        B4Trainables.pauseMillis(PAUSE_MILLIS);
        try (PostgresServer server = available.isEmpty() ? null : PostgresServer.start()) {
            for (String searcher : available) {
                Map<B4Function, B4Arm[]> bySearcher = new LinkedHashMap<>();
                Map<B4Function, B4Arm> parallel = parallel(searcher, seeds, workers, out);
                Map<B4Function, B4Arm> shared = shared(server, searcher, seeds, workers, out);
                for (B4Function function : B4Function.values()) {
                    bySearcher.put(function, new B4Arm[] {parallel.get(function), shared.get(function)});
                }
                figures.put(searcher, bySearcher);
            }
        } finally {
            B4Trainables.pauseMillis(0);
        }
        List<String> results = B4WorkersReport.print(figures, workers, out);
        out.printf("B4W wall time: %s s%n", ResultLine.plain((System.nanoTime() - start) / 1e9, 1));
        return results;
    }

    /** The one-process side: each function's warm-up run, then its seeds. */
    private static Map<B4Function, B4Arm> parallel(String searcher, int seeds, int slots, PrintStream out) {
        Map<B4Function, B4Arm> arms = new LinkedHashMap<>();
        for (B4Function function : B4Function.values()) {
            once(B4Trainables.experiment(function), searcher, B4Worker.WARM_UP_SEED, slots);
        }
        for (B4Function function : B4Function.values()) {
            Experiment experiment = B4Trainables.experiment(function);
            B4Arm arm = new B4Arm(seeds);
            for (int seed = 0; seed < seeds; seed++) {
                long start = System.nanoTime();
                ExperimentResult result = once(experiment, searcher, seed, slots);
                double seconds = (System.nanoTime() - start) / 1e9;
                arm.record(seed, result.trials().stream().map(B4Trial::of).toList(), seconds, function.optimum());
            }
            out.printf("  B4W %s %s, %d at a time in one process: %d seeds, %s s/run, %s trials running on average%n",
                    searcher, function.id(), slots, seeds, ResultLine.plain(arm.meanSeconds(), 2),
                    ResultLine.plain(arm.meanConcurrency(), 2));
            arms.put(function, arm);
        }
        return arms;
    }

    private static ExperimentResult once(Experiment experiment, String searcher, long seed, int slots) {
        return Tuner.run(experiment, TuneOptions.builder().samples(B4Protocol.BUDGET).seed(seed).searcher(searcher)
                .maxConcurrentTrials(slots).set(TuneOption.CPU, 0.0).inMemory().verbose(0).build());
    }

    /** The workers' side: starts the worker JVMs, follows them function by function, reads their runs. */
    private static Map<B4Function, B4Arm> shared(PostgresServer server, String searcher, int seeds, int workers,
            PrintStream out) {
        String url = server.createDatabase("b4w_" + searcher.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_"));
        Path scratch = ScratchDirs.create("tune-bench-b4w-");
        List<Process> processes = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                processes.add(new ProcessBuilder(
                        B4Worker.command(url, searcher, workers, seeds, scratch, i, PAUSE_MILLIS))
                        .redirectErrorStream(true)
                        .redirectOutput(scratch.resolve("worker-" + i + ".log").toFile())
                        .start());
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(TIMEOUT_MINUTES);
            Map<B4Function, B4Arm> arms = new LinkedHashMap<>();
            for (B4Function function : B4Function.values()) {
                B4Arm arm = new B4Arm(seeds);
                int disagreeing = 0;
                for (int seed = 0; seed < seeds; seed++) {
                    Path dir = scratch.resolve(new B4Worker.Run(function, seed, false).name());
                    List<List<String>> files = await(dir, workers, processes, deadline, scratch);
                    double seconds = 0;
                    for (List<String> lines : files) {
                        seconds = Math.max(seconds, Double.parseDouble(lines.get(0).substring("seconds ".length())));
                        disagreeing += sorted(lines).equals(sorted(files.get(0))) ? 0 : 1;
                    }
                    arm.record(seed, files.get(0).subList(1, files.get(0).size()).stream().map(B4Trial::parse).toList(),
                            seconds, function.optimum());
                }
                out.printf("  B4W %s %s, %d worker JVMs on PostgreSQL: %d seeds, %s s/run,"
                        + " %s trials running on average%s%n",
                        searcher, function.id(), workers, seeds, ResultLine.plain(arm.meanSeconds(), 2),
                        ResultLine.plain(arm.meanConcurrency(), 2), disagreeing == 0 ? ""
                                : " (" + disagreeing + " worker results DIFFER from the first worker's)");
                arms.put(function, arm);
            }
            for (Process p : processes) {
                p.waitFor(1, TimeUnit.MINUTES);
            }
            ScratchDirs.delete(scratch);
            return arms;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }

    /** The trials lines sorted, without the time: what every worker's result should hold alike. */
    private static List<String> sorted(List<String> lines) {
        return lines.subList(1, lines.size()).stream().sorted().toList();
    }

    /** Waits for every worker's trials file of the run in {@code dir}; their lines, worker by worker. */
    private static List<List<String>> await(Path dir, int workers, List<Process> processes, long deadline, Path scratch)
            throws IOException, InterruptedException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            files.add(dir.resolve("trials-" + i + ".txt"));
        }
        while (!files.stream().allMatch(Files::exists)) {
            boolean failed = processes.stream().anyMatch(p -> !p.isAlive() && p.exitValue() != 0);
            boolean ended = processes.stream().noneMatch(Process::isAlive) && !files.stream().allMatch(Files::exists);
            if (failed || ended || System.nanoTime() > deadline) {
                throw new IllegalStateException("B4W: a worker JVM ended or the run timed out before "
                        + dir.getFileName() + " was done; logs in " + scratch);
            }
            Thread.sleep(200);
        }
        List<List<String>> lines = new ArrayList<>();
        for (Path file : files) {
            lines.add(Files.readAllLines(file));
        }
        return lines;
    }
}
