package dev.tune.bench;

import dev.tune.Choice;
import dev.tune.LogUniform;
import dev.tune.Mode;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;
import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.report.html.Report;
import dev.tune.run.Tuner;
import dev.tune.trainable.Experiment;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * BR, the report at scale: {@code report.html} of experiments of 1,000 and 10,000 trials with 100
 * results each, and of B6's 100,000 one-result trials: the seconds to write it (median of 3, after
 * a warm-up), its size, and, where Debian's Chromium is installed, the seconds from opening the file
 * until every view is drawn. The bars: under 3 MB for 1,000 trials, fast with 10,000.
 */
final class BRReport {

    /** Trials and results per trial of each case. */
    static final int[][] CASES = {{1_000, 100}, {10_000, 100}, {100_000, 1}};

    private BRReport() {
    }

    @Trainable(metric = "loss", mode = Mode.MIN)
    static void curve(@Uniform(lower = -5, upper = 5) double x, @LogUniform(lower = 1e-4, upper = 1) double lr,
            @Choice({"adam", "sgd", "rmsprop"}) String optimizer, TrialContext context) {
        int iterations = Integer.getInteger("br.iterations", 100);
        double floor = x * x + Math.abs(Math.log10(lr) + 2) + optimizer.length();
        for (int t = 1; t <= iterations; t++) {
            context.report("loss", floor + 10.0 / t);
        }
    }

    static List<String> run(PrintStream out) {
        out.println("BR: report.html of 1,000 and 10,000 trials x 100 results, and 100,000 trials x 1;"
                + " bars: under 3 MB for 1,000 trials, quick to open with 10,000");
        List<String> results = new ArrayList<>();
        Path warm = experiment(200, 10);
        Report.write(warm);
        ScratchDirs.delete(warm.getParent());
        try (ReportRender browser = ReportRender.start(out)) {
            for (int[] c : CASES) {
                Path dir = experiment(c[0], c[1]);
                try {
                    double[] seconds = new double[3];
                    for (int i = 0; i < seconds.length; i++) {
                        long start = System.nanoTime();
                        Report.write(dir);
                        seconds[i] = (System.nanoTime() - start) / 1e9;
                    }
                    Arrays.sort(seconds);
                    Path report = dir.resolve(Report.FILE);
                    double mb = Files.size(report) / 1048576.0;
                    String render = browser.secondsToDraw(report).map(s -> ResultLine.plain(s, 2)).orElse("na");
                    out.printf("BR %,d trials x %d: written in %s s, %s MB, drawn in %s s%n", c[0], c[1],
                            ResultLine.plain(seconds[1], 2), ResultLine.plain(mb, 2), render);
                    results.add(ResultLine.of("BR", "report").count("trials", c[0]).count("iterations", c[1])
                            .decimal("write_s", seconds[1], 2).decimal("mb", mb, 2) + " render_s=" + render);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    ScratchDirs.delete(dir.getParent());
                }
            }
        }
        return results;
    }

    /** Runs {@code trials} trials of {@code iterations} results each, without a report; their directory. */
    private static Path experiment(int trials, int iterations) {
        Path root = ScratchDirs.create("tune-bench-br-");
        System.setProperty("br.iterations", Integer.toString(iterations));
        Tuner.run(Experiment.of(BRReport.class).get(0), TuneOptions.builder().samples(trials).seed(9).searcher("random")
                .set(TuneOption.CPU, 0.0).maxConcurrentTrials(2).verbose(0).storagePath(root)
                .set(TuneOption.NAME, "br").set(TuneOption.REPORT, false).build());
        return root.resolve("br");
    }
}
