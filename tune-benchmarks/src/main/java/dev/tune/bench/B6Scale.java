package dev.tune.bench;

import dev.tune.Mode;
import dev.tune.Trainable;
import dev.tune.Uniform;
import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.result.ExperimentResult;
import dev.tune.run.Tuner;
import dev.tune.store.StoredExperiment;
import dev.tune.store.postgres.PostgresLocation;
import dev.tune.store.postgres.PostgresServer;
import dev.tune.store.postgres.SharedExperiments;
import dev.tune.trainable.Experiment;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * B6, the scale of one experiment: 100,000 no-op trials (random search, one float, one result
 * each), persisted in the local directory and, with one worker, in a real PostgreSQL server; then
 * the experiment is loaded again, as analysis or resume would. Each case runs in this JVM (for the
 * figures) and again in a child JVM under {@code -Xmx256m} (does it complete?).
 */
final class B6Scale {

    static final int TRIALS = 100_000;

    private B6Scale() {
    }

    /** The no-op objective. */
    @Trainable(metric = "value", mode = Mode.MIN)
    static double noop(@Uniform(lower = 0, upper = 1) double x) {
        return x;
    }

    /** What one case measured. */
    record Measured(int trials, double seconds, long heapMb, double diskMb, double reloadSeconds, int reloaded) {
    }

    static List<String> run(int trials, PrintStream out) {
        out.printf("B6: %,d no-op trials, persisted; bars: local >= 7,090 trials/s (10x Optuna's journal, 709/s),"
                + " completes under -Xmx256m, reload <= 2 s; postgres >= 1,000 trials/s with one worker%n", trials);
        List<String> results = new ArrayList<>();
        try (PostgresServer server = PostgresServer.start()) {
            for (String store : List.of("local", "postgres")) {
                String url = store.equals("postgres")
                        ? server.createDatabase("b6_" + System.nanoTime() % 100000) : null;
                Measured m = once(store, trials, url);
                String childUrl = store.equals("postgres") ? server.createDatabase("b6x_" + System.nanoTime() % 100000)
                        : null;
                boolean small = underSmallHeap(store, trials, childUrl, out);
                out.printf("B6 %s: %s s, %s trials/s, peak heap %d MiB, %s MiB on disk, reload %s s (%,d trials);"
                        + " -Xmx256m: %s%n", store, ResultLine.plain(m.seconds(), 2),
                        ResultLine.plain(m.trials() / m.seconds(), 0), m.heapMb(), ResultLine.plain(m.diskMb(), 1),
                        ResultLine.plain(m.reloadSeconds(), 2), m.reloaded(), small ? "ok" : "FAILED");
                results.add(ResultLine.of("B6", store).count("trials", m.trials()).decimal("seconds", m.seconds(), 2)
                        .decimal("trials_per_s", m.trials() / m.seconds(), 0).count("heap_mb", m.heapMb())
                        .decimal("disk_mb", m.diskMb(), 1).decimal("reload_s", m.reloadSeconds(), 2)
                        + " xmx256=" + (small ? "ok" : "failed"));
            }
        }
        return results;
    }

    /** Runs one case here; {@code url} is the database for {@code postgres}. */
    static Measured once(String store, int trials, String url) {
        Path dir = ScratchDirs.create("tune-bench-b6-");
        try {
            return measure(store, trials, url, dir); // its trials are garbage once it returns
        } finally {
            ScratchDirs.delete(dir);
        }
    }

    private static Measured measure(String store, int trials, String url, Path dir) {
        TuneOptions.Builder options = TuneOptions.builder().samples(trials).seed(6).searcher("random")
                .set(TuneOption.CPU, 0.0).maxConcurrentTrials(2).verbose(0).storagePath(dir)
                .set(TuneOption.NAME, "b6");
        if (url != null) {
            options.set(TuneOption.STORAGE, url).set(TuneOption.STORAGE_USER, PostgresServer.USER)
                    .set(TuneOption.STORAGE_PASSWORD, PostgresServer.PASSWORD);
        }
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        ExperimentResult result = Tuner.run(experiment(), options.build());
        double seconds = (System.nanoTime() - start) / 1e9;
        long heapMb = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
        if (result.trials().size() != trials || !result.errors().isEmpty()) {
            throw new IllegalStateException("B6 " + store + " ran " + result.trials().size() + " trials, "
                    + result.errors().size() + " errors");
        }
        int ran = result.trials().size();
        result = null; // the reload stands for a later analysis or resume, which does not hold the run's result
        long reloadStart = System.nanoTime();
        StoredExperiment loaded = url == null ? StoredExperiment.load(dir.resolve("b6"))
                : SharedExperiments.load(PostgresLocation.of(url, PostgresServer.USER, PostgresServer.PASSWORD,
                        Map.of()), "b6", dir.resolve("b6"));
        double reload = (System.nanoTime() - reloadStart) / 1e9;
        double diskMb = url == null ? size(dir) / 1048576.0 : databaseSize(url) / 1048576.0;
        return new Measured(ran, seconds, heapMb, diskMb, reload, loaded.trials().size());
    }

    /**
     * Runs the case in a child JVM under {@code -Xmx256m}; true when it completed. A heap that runs
     * out ends the child at once ({@code -XX:+ExitOnOutOfMemoryError}: a daemon thread's error would
     * leave it waiting); a failure prints why (exit code, or no end in 30 minutes) and the child's last lines.
     */
    private static boolean underSmallHeap(String store, int trials, String url, PrintStream out) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), B6Scale.class.getName(), store, Integer.toString(trials)));
        if (url != null) {
            command.add(url);
        }
        Path log = null;
        try {
            log = Files.createTempFile("tune-bench-b6-child-", ".log");
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean ended = child.waitFor(30, TimeUnit.MINUTES);
            if (!ended) {
                child.destroyForcibly().waitFor();
            }
            List<String> output = Files.readAllLines(log);
            boolean ok = ended && child.exitValue() == 0 && output.stream().anyMatch(l -> l.contains("B6-CHILD-OK"));
            if (!ok) {
                out.println("B6 " + store + " under -Xmx256m failed (" + (ended ? "exit code " + child.exitValue()
                        : "no end after 30 minutes") + "); its last lines:\n" + output.subList(Math.max(0,
                        output.size() - 30), output.size()).stream().reduce("", (a, b) -> a + "  " + b + "\n"));
            }
            return ok;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            if (log != null) {
                log.toFile().delete();
            }
        }
    }

    /** The child of {@link #underSmallHeap}: {@code B6Scale <local|postgres> <trials> [url]}. */
    public static void main(String[] args) {
        Measured m = once(args[0], Integer.parseInt(args[1]), args.length > 2 ? args[2] : null);
        System.out.println("B6-CHILD-OK " + m);
    }

    private static Experiment experiment() {
        try {
            return Experiment.of(B6Scale.class.getDeclaredMethod("noop", double.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long databaseSize(String url) {
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
                ResultSet row = c.createStatement().executeQuery("SELECT pg_database_size(current_database())")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
