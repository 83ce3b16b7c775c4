package dev.tune.bench;

import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.result.ExperimentResult;
import dev.tune.run.Tuner;
import dev.tune.store.postgres.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One worker JVM of B4W: {@code B4Worker url searcher workers seeds scratch index}, with
 * {@code -Db4w.pauseMillis=<ms>}. It runs B4W's runs ({@link #runs}) in order, each as one worker
 * of the shared experiment that the run names, one trial at a time. Before each run it waits at a
 * barrier until every worker has arrived (a {@code ready-<index>} file each in the run's directory
 * under scratch), so the workers start each experiment together, as a cluster's workers started
 * by one job would; after it, it writes the experiment's trials as its result holds them (every
 * worker's, {@link B4Trial#line()}) to {@code trials-<index>.txt}, after a first line
 * {@code seconds <s>}: the wall time from the barrier to {@code Tuner.run}'s return.
 */
final class B4Worker {

    /** The seed of the warm-up run of each function, as B4's warm-up. */
    static final long WARM_UP_SEED = 1_000;
    private static final long BARRIER_TIMEOUT_MINUTES = 5;

    /** One shared experiment of B4W: a function and a seed; a warm-up run is not measured. */
    record Run(B4Function function, long seed, boolean warmUp) {

        /** The experiment's name and the run's directory under scratch: fresh for every run. */
        String name() {
            return (warmUp ? "warm-" : "") + function.id() + "-" + seed;
        }
    }

    private B4Worker() {
    }

    /** Every run in the order workers take them: a warm-up run of each function, then each function's seeds. */
    static List<Run> runs(int seeds) {
        List<Run> runs = new ArrayList<>();
        for (B4Function function : B4Function.values()) {
            runs.add(new Run(function, WARM_UP_SEED, true));
        }
        for (B4Function function : B4Function.values()) {
            for (int seed = 0; seed < seeds; seed++) {
                runs.add(new Run(function, seed, false));
            }
        }
        return runs;
    }

    /** The command that starts worker {@code index}. */
    static List<String> command(String url, String searcher, int workers, int seeds, Path scratch, int index,
            long pauseMillis) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:+UseSerialGC", "-Xshare:auto", "-Db4w.pauseMillis=" + pauseMillis, "-cp",
                System.getProperty("java.class.path"), B4Worker.class.getName(), url, searcher,
                Integer.toString(workers), Integer.toString(seeds), scratch.toString(), Integer.toString(index));
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String searcher = args[1];
        int workers = Integer.parseInt(args[2]);
        int seeds = Integer.parseInt(args[3]);
        Path scratch = Path.of(args[4]);
        int index = Integer.parseInt(args[5]);
        B4Trainables.pauseMillis(Long.getLong("b4w.pauseMillis", 0));
        for (Run run : runs(seeds)) {
            Path dir = Files.createDirectories(scratch.resolve(run.name()));
            Files.writeString(dir.resolve("ready-" + index), "");
            await(dir, workers);
            long start = System.nanoTime();
            ExperimentResult result = Tuner.run(B4Trainables.experiment(run.function()),
                    options(url, searcher, run, scratch.resolve("store-" + index)));
            double seconds = (System.nanoTime() - start) / 1e9;
            List<String> lines = new ArrayList<>(List.of("seconds " + seconds));
            result.trials().forEach(t -> lines.add(B4Trial.of(t).line()));
            Path written = dir.resolve("trials-" + index + ".part");
            Files.write(written, lines);
            Files.move(written, dir.resolve("trials-" + index + ".txt"));
            System.out.printf("%s: %d trials in %.2f s%n", run.name(), result.trials().size(), seconds);
        }
    }

    private static TuneOptions options(String url, String searcher, Run run, Path store) {
        return TuneOptions.builder().set(TuneOption.NAME, run.name()).samples(B4Protocol.BUDGET).seed(run.seed())
                .searcher(searcher).maxConcurrentTrials(1).set(TuneOption.CPU, 0.0).verbose(0).storagePath(store)
                .set(TuneOption.STORAGE, url).set(TuneOption.STORAGE_USER, PostgresServer.USER)
                .set(TuneOption.STORAGE_PASSWORD, PostgresServer.PASSWORD).build();
    }

    /** Waits until {@code workers} ready files are in {@code dir}. */
    private static void await(Path dir, int workers) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(BARRIER_TIMEOUT_MINUTES);
        while (true) {
            try (var files = Files.list(dir)) {
                if (files.filter(f -> f.getFileName().toString().startsWith("ready-")).count() >= workers) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("B4W: the other workers did not reach " + dir + " within "
                        + BARRIER_TIMEOUT_MINUTES + " minutes");
            }
            Thread.sleep(1);
        }
    }
}
