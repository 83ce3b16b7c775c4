package dev.tune.bench;

import dev.tune.Mode;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;
import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.result.ExperimentResult;
import dev.tune.run.Tuner;
import dev.tune.store.StorageException;
import dev.tune.store.postgres.PostgresServer;
import dev.tune.trainable.Experiment;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * B7, workers on one shared PostgreSQL: 2,000 trials of 100 ms sleep in one experiment, run by W
 * worker slots (W = 1, 2, 4, 8, 16 worker JVMs with one trial each; 64 = 16 JVMs with 4 trials
 * each) against one server on this machine. Every JVM starts, loads its classes and warms up
 * (alone, then with all the others on a shared warm-up experiment), then waits at a start gate (a
 * file) until all are up, so JVM start-up and compilation are not counted; the wall time runs from
 * the gate opening until the last worker's {@code Tuner.run} returned with the experiment's result
 * (each worker writes that instant to a file), so JVM teardown is not counted either; a worker that
 * failed counts until its process ended. Efficiency = (trials' sleep / W) / wall, where a trial that
 * ASHA stopped counts the sleep it had before the stop.
 */
final class B7Workers {

    static final int TRIALS = 2_000;
    private static volatile boolean warming;
    /**
     * Trials of each worker's own shared warm-up experiment: enough that the shared paths are
     * compiled (C1 compiles a method after about 200 calls; with 150, the 16 JVMs at 64 slots
     * still spent 2.7 s of CPU compiling after the gate, 0.9 s with 600).
     */
    private static final int WARM_UP_TRIALS = Integer.getInteger("b7.warmUpTrials", 600);
    /**
     * Trials of the warm-up experiment all workers then run together (no sleep): it compiles what
     * only a contended experiment runs (other workers' events, claims that miss), which the
     * workers otherwise compiled during the measured run (64 slots: efficiency 0.61 to 0.79 without
     * it, 0.81 to 0.83 with it, measured in turns). 0 leaves it out.
     */
    private static final int SHARED_WARM_UP_TRIALS = Integer.getInteger("b7.sharedWarmUp", 2_000);
    private static final AtomicInteger WORKER_NUMBER =
            new AtomicInteger();
    static final List<Integer> SLOTS = List.of(1, 2, 4, 8, 16, 64);
    static final List<String> CASES = List.of("random-fifo", "tpe-fifo", "auto-fifo", "random-asha", "tpe-asha");

    private B7Workers() {
    }

    /** The trial: sleeps 100 ms and reports once; under ASHA it reports 4 times, every 25 ms. */
    @Trainable(metric = "value", mode = Mode.MIN)
    static void sleepy(@Uniform(lower = 0, upper = 1) double x, TrialContext context) throws InterruptedException {
        int reports = Boolean.getBoolean("b7.asha") ? 4 : 1;
        long started = System.currentTimeMillis();
        for (int i = 1; i <= reports; i++) {
            Thread.sleep(warming ? 0 : 100 / reports);
            if (!warming) {
                SLEPT_MS.addAndGet(100 / reports); // before the report: ASHA may stop the trial there
            }
            context.report("value", x + 1.0 / i);
        }
        if (!warming) {
            TIMELINE.add(started + " " + System.currentTimeMillis());
        }
    }

    /** The sleep this worker's measured trials asked for, in ms: a trial ASHA stopped counts what it slept. */
    private static final AtomicLong SLEPT_MS = new AtomicLong();

    /** Each measured trial's start and end (epoch ms), written beside the done file for -Db7.stats. */
    private static final Queue<String> TIMELINE = new ConcurrentLinkedQueue<>();

    static List<String> run(List<String> cases, List<Integer> slots, int trials, PrintStream out) {
        out.printf("B7: %,d trials of 100 ms, W worker slots on one PostgreSQL; bars: efficiency"
                + " >= 0.9 at W = 16 for every row; at W = 64, >= 0.85 for random rows and >= 0.5 for tpe and auto"
                + " rows; duplicates = lost = 0%n", trials);
        List<String> results = new ArrayList<>();
        B7Ceiling ceiling = cases.stream().anyMatch(c -> c.startsWith("tpe-") || c.startsWith("auto-"))
                ? B7Ceiling.measure(trials, out) : null;
        try (PostgresServer server = PostgresServer.start()) {
            for (String c : cases) {
                for (int w : slots) {
                    results.add(once(server, c, w, trials, out, ceiling));
                }
            }
        }
        return results;
    }

    private static String once(PostgresServer server, String c, int slots, int trials, PrintStream out,
            B7Ceiling ceiling) {
        String database = "b7_" + c.replace('-', '_') + "_" + slots;
        String url = server.createDatabase(database);
        B7ServerStats.prepare(server, database);
        int jvms = slots <= 16 ? slots : 16;
        int each = slots / jvms;
        Path scratch = ScratchDirs.create("tune-bench-b7-");
        Path gate = scratch.resolve("go");
        List<Process> workers = new ArrayList<>();
        try {
            for (int i = 0; i < jvms; i++) {
                workers.add(new ProcessBuilder(command(url, c, each, trials, scratch, gate)).redirectErrorStream(true)
                        .redirectOutput(scratch.resolve("worker-" + i + ".log").toFile()).start());
            }
            if (SHARED_WARM_UP_TRIALS > 0) {
                awaitReady(scratch, jvms, "warm-ready-");
                Files.writeString(scratch.resolve("warm-go"), "go");
            }
            awaitReady(scratch, jvms, "ready-");
            B7ServerStats.reset(server, database);
            long start = System.nanoTime();
            Instant opened = Instant.now();
            Files.writeString(gate, "go");
            for (Process worker : workers) {
                if (!worker.waitFor(30, TimeUnit.MINUTES)) {
                    worker.destroyForcibly();
                }
            }
            double exited = (System.nanoTime() - start) / 1e9;
            int failed = (int) workers.stream().filter(p -> p.exitValue() != 0).count();
            double wall = failed > 0 ? exited : lastReturn(scratch, opened);
            Counts counts = counts(server, database, trials);
            if (!Boolean.getBoolean("b7.keep")) {
                // the server would vacuum this row's tables while the next row runs: in one run of all rows,
                // random-asha at 16 slots measured 0.78 and 0.80 after the TPE rows against 0.91 to 0.93 alone
                server.dropDatabase(database);
            }
            double ideal = failed > 0 ? trials * 0.1 / slots : slept(scratch) / slots;
            double efficiency = ideal / wall;
            double coord = (wall - ideal) * slots / trials * 1000;
            out.printf("B7 %s W=%d (%d JVMs x %d): %s s (ideal %s s), efficiency %s, coordination %s ms/trial,"
                    + " %d ended, %d duplicates, %d lost%s%n", c, slots, jvms, each, ResultLine.plain(wall, 2),
                    ResultLine.plain(ideal, 2), ResultLine.plain(efficiency, 3), ResultLine.plain(coord, 2),
                    counts.ended(), counts.duplicates(), counts.lost(),
                    failed > 0 ? ", " + failed + " worker(s) FAILED (logs in " + scratch + ")" : "");
            if (ceiling != null && (c.startsWith("tpe-") || c.startsWith("auto-"))) {
                out.printf("B7 %s W=%d: %s%n", c, slots, ceiling.against(ideal, wall));
            }
            ResultLine line = ResultLine.of("B7", c).count("workers", slots).count("trials", trials)
                    .decimal("wall_s", wall, 2).decimal("efficiency", efficiency, 3)
                    .decimal("coord_ms_per_trial", coord, 2).count("duplicates", counts.duplicates())
                    .count("lost", counts.lost());
            if (c.startsWith("auto-")) {
                line.word("chose", chose(scratch));
            }
            if (failed == 0 && !Boolean.getBoolean("b7.keep")) { // -Db7.keep=true keeps the workers' logs
                ScratchDirs.delete(scratch);
            }
            return line.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            workers.forEach(Process::destroyForcibly);
        }
    }

    private static List<String> command(String url, String c, int each, int trials, Path scratch, Path gate) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // C1 only and the serial collector: 16 JVMs on 2 cores, each with a small heap, compile little and
        // run no concurrent collector threads (with G1, random-asha 0.54 / 0.65 and tpe-asha 0.33 / 0.32 at 64
        // slots against 0.68 / 0.67 and 0.42 / 0.40, in turns); docs/shared-experiments.md recommends the same
        List<String> command = new ArrayList<>(List.of(java, "-Xmx192m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xshare:auto", "-Db7.asha=" + c.endsWith("asha"), "-Db7.sharedWarmUp=" + SHARED_WARM_UP_TRIALS));
        // -Db7.workerArgs="-XX:StartFlightRecording=filename=/tmp/w%n.jfr" profiles the workers (%n: 1, 2, ...),
        // only worker n with -Db7.workerArgsFor=n
        int n = WORKER_NUMBER.incrementAndGet();
        String only = System.getProperty("b7.workerArgsFor", "");
        String extra = only.isEmpty() || only.equals(Integer.toString(n))
                ? System.getProperty("b7.workerArgs", "").trim().replace("%n", Integer.toString(n)) : "";
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), B7Workers.class.getName(), url,
                c.split("-")[0], c.endsWith("asha") ? "asha(maxT=4,gracePeriod=1,reductionFactor=3)" : "fifo",
                Integer.toString(each), Integer.toString(trials), scratch.toString(), gate.toString()));
        return command;
    }

    /**
     * What {@code auto} chose, as one word (tpe, gp, cmaes, random, grid, ...), from the sentence a
     * worker wrote: {@code auto chose TPE (...) for ...}.
     */
    static String chose(Path scratch) throws IOException {
        try (Stream<Path> files = Files.list(scratch)) {
            String said = files.filter(f -> f.getFileName().toString().startsWith("chose-")).findFirst()
                    .map(f -> {
                        try {
                            return Files.readString(f);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).orElse("unknown");
            return choice(said);
        }
    }

    /** {@code auto chose Gaussian-process search (...)} is {@code gp}; TPE {@code tpe}; CMA-ES {@code cmaes}. */
    static String choice(String sentence) {
        String chosen = sentence.startsWith("auto chose ") ? sentence.substring("auto chose ".length()) : sentence;
        String lower = chosen.toLowerCase(Locale.ROOT);
        return lower.startsWith("gaussian-process") ? "gp" : lower.startsWith("cma-es") ? "cmaes"
                : lower.startsWith("tpe") ? "tpe" : lower.startsWith("random") ? "random"
                : lower.startsWith("grid") ? "grid" : lower.split("[^a-z0-9-]", 2)[0];
    }

    /** Seconds the measured trials slept in all, from the workers' slept files. */
    private static double slept(Path scratch) throws IOException {
        long ms = 0;
        try (var files = Files.list(scratch)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("slept-")).toList()) {
                ms += Long.parseLong(Files.readString(file).trim());
            }
        }
        return ms / 1000.0;
    }

    /** Seconds from {@code opened} until the last worker's {@code Tuner.run} returned, from the workers' done files. */
    private static double lastReturn(Path scratch, Instant opened) throws IOException {
        Instant last = opened;
        try (var files = Files.list(scratch)) {
            for (Path done : files.filter(f -> f.getFileName().toString().startsWith("done-")).toList()) {
                Instant at = Instant.parse(Files.readString(done).trim());
                last = at.isAfter(last) ? at : last;
            }
        }
        return Duration.between(opened, last).toNanos() / 1e9;
    }

    private static void awaitReady(Path scratch, int jvms, String prefix) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            try (var files = Files.list(scratch)) {
                if (files.filter(f -> f.getFileName().toString().startsWith(prefix)).count() >= jvms) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("B7 workers did not start within 5 minutes; logs in " + scratch);
    }

    /** Trials ended, trial numbers added or ended more than once, and trials never ended. */
    record Counts(long ended, long duplicates, long lost) {
    }

    /** The measured experiment; the workers' warm-up experiments share its database. */
    static final String B7 = "(SELECT id FROM tune_experiment WHERE name = 'b7')";

    private static Counts counts(PostgresServer server, String database, int trials) {
        try (Connection c = server.connect(database)) {
            long ended = count(c, "SELECT count(*) FROM tune_event WHERE kind = 'ended' AND experiment_id = " + B7);
            long duplicates = count(c, "SELECT count(*) FROM (SELECT trial_number FROM tune_event WHERE kind"
                    + " IN ('added', 'ended') AND experiment_id = " + B7
                    + " GROUP BY trial_number, kind HAVING count(*) > 1) d");
            B7ServerStats.print(c, B7);
            long lost = count(c, "SELECT count(*) FROM tune_trial WHERE status NOT IN ('TERMINATED')"
                    + " AND experiment_id = " + B7)
                    + Math.max(0, trials - count(c, "SELECT count(*) FROM tune_trial WHERE experiment_id = " + B7));
            return new Counts(ended, duplicates, lost);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (ResultSet row = c.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * Loads and compiles what a worker runs before the gate opens, so JVM warm-up (16 JVMs on 2
     * cores loading and compiling the same code) is not counted as coordination: an in-memory
     * experiment of no-sleep trials with the same searcher and scheduler, then a small shared
     * experiment of this JVM's own in the same database (join, claims, appends, the final load).
     */
    private static void warmUp(Experiment experiment, String[] args) throws Exception {
        warming = true;
        Tuner.run(experiment, TuneOptions.builder().set(TuneOption.NAME, "b7-warm").samples(300).searcher(args[1])
                .scheduler(args[2]).seed(1).inMemory().verbose(0).set(TuneOption.CPU, 0.0)
                .set(TuneOption.CALLBACKS, List.of()).build());
        for (int attempt = 1; ; attempt++) {
            try { // 16 JVMs warming up on 2 cores can make a connection wait longer than its 5 s timeout
                String name = "warm-" + ProcessHandle.current().pid() + "-" + attempt;
                Tuner.run(experiment, options(args, "b7-" + name, WARM_UP_TRIALS, Path.of(args[5]).resolve(name)));
                break;
            } catch (StorageException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
        warming = false;
    }

    private static TuneOptions options(String[] args, String name, int samples, Path storage) {
        return TuneOptions.builder().set(TuneOption.NAME, name).samples(samples)
                .searcher(args[1]).scheduler(args[2]).seed(7).maxConcurrentTrials(Integer.parseInt(args[3]))
                .set(TuneOption.CPU, 0.0).verbose(0).storagePath(storage).set(TuneOption.STORAGE, args[0])
                .set(TuneOption.STORAGE_USER, PostgresServer.USER)
                .set(TuneOption.STORAGE_PASSWORD, PostgresServer.PASSWORD)
                .set(TuneOption.HEARTBEAT_INTERVAL, Duration.ofSeconds(2)).build();
    }

    /**
     * One worker JVM: {@code B7Workers url searcher scheduler concurrency trials scratch gate}.
     * Loads the engine and warms up alone, then with all the others once every one is up (a model-based
     * searcher on fewer trials: each worker replays every suggestion), says it is ready, waits for
     * the gate, then runs as a worker.
     */
    public static void main(String[] args) throws Exception {
        Experiment experiment = Experiment.of(B7Workers.class.getDeclaredMethod("sleepy", double.class,
                TrialContext.class));
        Path scratch = Path.of(args[5]);
        warmUp(experiment, args);
        Path gate = Path.of(args[6]);
        if (SHARED_WARM_UP_TRIALS > 0) {
            Files.writeString(scratch.resolve("warm-ready-" + ProcessHandle.current().pid()), "");
            while (!Files.exists(gate.resolveSibling("warm-go"))) {
                Thread.sleep(5);
            }
            warming = true;
            int trials = "random".equals(args[1]) ? SHARED_WARM_UP_TRIALS : Math.min(SHARED_WARM_UP_TRIALS, 300);
            Tuner.run(experiment, options(args, "b7-warm-all", trials, scratch.resolve("warm-all")));
            warming = false;
        }
        Files.writeString(scratch.resolve("ready-" + ProcessHandle.current().pid()), "");
        while (!Files.exists(gate)) {
            Thread.sleep(5);
        }
        if (Boolean.getBoolean("b7.trace")) {
            System.err.println("GATE " + System.currentTimeMillis());
        }
        ExperimentResult result = Tuner.run(experiment, options(args, "b7", Integer.parseInt(args[4]),
                scratch));
        Files.writeString(scratch.resolve("chose-" + ProcessHandle.current().pid()),
                result.searcherDescription().orElse(args[1]));
        Files.writeString(scratch.resolve("done-" + ProcessHandle.current().pid()), Instant.now().toString());
        Files.write(scratch.resolve("timeline-" + ProcessHandle.current().pid()), TIMELINE);
        Files.writeString(scratch.resolve("slept-" + ProcessHandle.current().pid()), Long.toString(SLEPT_MS.get()));
    }
}
