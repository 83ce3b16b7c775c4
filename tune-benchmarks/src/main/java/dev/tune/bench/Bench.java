package dev.tune.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.RuntimeMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs one benchmark of BENCHMARKS.md: {@code ./bench [--repeats N] [--searchers a,b] <id>}, the id last. Prints the
 * JDK and heap first, then the JVM's start-up apart from every figure, then the benchmark's own
 * lines, and ends with its {@code RESULT} lines and nothing after them.
 */
public final class Bench {

    /** B1's searchers: its cases of BENCHMARKS.md. */
    static final List<String> B1_SEARCHERS = List.of("random", "tpe", "cmaes");
    /** Every searcher B1 has a case for: its defaults, and {@code gp} (200 and 500 trials) on demand. */
    static final List<String> B1_CASE_SEARCHERS = List.of("random", "tpe", "cmaes", "gp");

    private static final String USAGE = "usage: bench [--repeats N] [--searchers a,b,...] [--trials N]"
            + " [--workers 1,2,..] [--seeds N] <B1|B2|B3|B4|B4W|B5|B6|B7|B8|B9|BR|JMH>\n"
            + "  B1   sequential driver overhead, no-op trials: Random 10,000; TPE 1,000 and 2,000; CMA-ES 1,000\n"
            + "  B2   parallel bookkeeping overhead, 20 ms trials (2a, 2b; in memory and persisted)\n"
            + "  B3   intermediate-result throughput, 200 trials x 100 reports (FIFO, median, ASHA, HyperBand;"
            + " in memory and persisted)\n"
            + "  B4   search quality on 7 functions, 100 trials, seeds 0..19, against Optuna's samplers"
            + " (self-checked)\n"
            + "  B4W  B4 with 4 worker JVMs sharing one experiment on PostgreSQL against one process running 4 trials"
            + " at a time\n"
            + "  B5   multi-fidelity learning curves, seeds 0..9 (Random or TPE, with ASHA, HyperBand,\n"
            + "       async HyperBand or the median rule; 100 trials and 8,100 epochs)\n"
            + "  B6   scale of one experiment: 100,000 no-op trials, local directory and PostgreSQL, reload, -Xmx256m\n"
            + "  B7   worker JVMs on one PostgreSQL: 2,000 trials of 100 ms, W = 1, 2, 4, 8, 16, 64 slots;\n"
            + "       cases random-fifo, tpe-fifo, random-asha (pick with --searchers)\n"
            + "  B8   several objectives: zdt1, zdt2, dtlz2, 200 trials, seeds 0..9, hypervolume against Optuna\n"
            + "  B9   trials in their own JVMs: B2's 1,000 trials of 20 ms on 2 slots in threads, reused child JVMs"
            + " and a fresh JVM per trial\n"
            + "  BR   report.html at scale: 1,000 and 10,000 trials x 100 results, 100,000 x 1 (write, size, draw)\n"
            + "  JMH  InvokerBenchmark: how tune should call users' methods\n"
            + "  --repeats N  timed repeats whose median is reported (default 3; 1 for a quick check)\n"
            + "  --searchers  B1, B4, B4W and B7: the searchers to run, comma-separated (default B1: "
            + String.join(",", B1_SEARCHERS) + "; B4: " + String.join(",", B4Quality.DEFAULT_SEARCHERS) + "; B4W: "
            + String.join(",", B4Workers.DEFAULT_SEARCHERS) + ");\n"
            + "               a searcher this build does not know yet is skipped with a line;\n"
            + "               B5: the methods to run, e.g. tpe_async_hyperband,random_hyperband (default all)\n"
            + "  --trials N   B6 and B7: trials instead of 100,000 or 2,000 (a quick check; the bars are for those);\n"
            + "               B8: trials a run instead of 200 (searchers against each other, not against Optuna);\n"
            + "               B9: trials a mode instead of 1,000\n"
            + "  --workers    B7: the worker slots to run, comma-separated (default 1,2,4,8,16,64);\n"
            + "               B4W: one number, the workers and the parallel trials (default 4)\n"
            + "  --seeds N    B4W only: seeds 0..N-1 instead of 0..19 (a quick check; parity is judged on 20)";

    private Bench() {
    }

    public static void main(String[] args) throws RunnerException {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        long uptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
        PrintStream out = System.out;
        printEnvironment(out);
        out.printf("JVM start-up: %d ms (uptime when the benchmark started; in no figure below)%n", uptimeMs);
        if (arguments.repeats() != 3) {
            out.printf("Repeats: %d (a quick check: BENCHMARKS.md asks for the median of 3)%n", arguments.repeats());
        }
        List<String> results = switch (arguments.id()) {
            case "B1" -> b1(arguments, out);
            case "B2" -> B2Bookkeeping.run(arguments.repeats(), out);
            case "B3" -> B3Reports.run(arguments.repeats(), out);
            case "B4" -> B4Quality.run(arguments.repeats(), arguments.searchersOr(B4Quality.DEFAULT_SEARCHERS), out);
            case "B4W" -> B4Workers.run(arguments.searchersOr(B4Workers.DEFAULT_SEARCHERS),
                    arguments.seedsOr(B4Reference.SEEDS), arguments.workersOr(List.of(B4Workers.WORKERS)).get(0), out);
            case "B5" -> B5Pruning.run(arguments.repeats(), arguments.searchersOr(B5Pruning.METHOD_IDS), out);
            case "B6" -> B6Scale.run(arguments.trialsOr(B6Scale.TRIALS), out);
            case "B7" -> B7Workers.run(arguments.searchersOr(B7Workers.CASES), arguments.workersOr(B7Workers.SLOTS),
                    arguments.trialsOr(B7Workers.TRIALS), out);
            case "B8" -> B8MultiObjective.run(arguments.searchersOr(B8MultiObjective.DEFAULT_SEARCHERS),
                    arguments.seedsOr(10), arguments.trialsOr(B8MultiObjective.TRIALS), out);
            case "B9" -> B9Isolation.run(arguments.repeats(), arguments.trialsOr(B9Isolation.TRIALS), out);
            case "BR" -> BRReport.run(out);
            case "JMH" -> runJmh();
            default -> throw new IllegalStateException(arguments.id());
        };
        results.forEach(out::println);
        out.flush();
    }

    /** B1's cases for the searchers asked for: Random first, then the model-based ones. */
    private static List<String> b1(Arguments arguments, PrintStream out) {
        List<String> searchers = arguments.searchersOr(B1_SEARCHERS);
        for (String searcher : searchers) {
            if (!B1_CASE_SEARCHERS.contains(searcher)) {
                out.println("B1 has no case for searcher " + searcher + " (its cases: " + B1_CASE_SEARCHERS + ")");
            }
        }
        List<String> results = new ArrayList<>();
        if (searchers.contains("random")) {
            results.addAll(B1Random.run(arguments.repeats(), out));
        }
        results.addAll(B1ModelBased.run(arguments.repeats(), searchers, out));
        return results;
    }

    private static void printEnvironment(PrintStream out) {
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        out.printf("JDK: %s, %s (%s)%n", Runtime.version(), runtime.getVmName(), runtime.getVmVendor());
        out.printf("Heap: max %d MiB, initial %d MiB; JVM arguments %s; %d processors%n",
                Runtime.getRuntime().maxMemory() >> 20, heap.getInit() >> 20, runtime.getInputArguments(),
                Runtime.getRuntime().availableProcessors());
    }

    /** Runs {@link InvokerBenchmark}; JMH prints its own table. There is no RESULT line for it. */
    private static List<String> runJmh() throws RunnerException {
        new Runner(new OptionsBuilder()
                .include(Pattern.quote(InvokerBenchmark.class.getName() + "."))
                .build()).run();
        return List.of();
    }

    /**
     * The command line: optional {@code --repeats N}, {@code --searchers a,b} (B1, B4, B4W, B7),
     * {@code --trials N} (B6, B7), {@code --workers} (B7, B4W) and {@code --seeds N} (B4W), then the
     * benchmark id, last. {@code searchers} and {@code workers} are empty, {@code trials} and
     * {@code seeds} 0, when not given.
     */
    record Arguments(int repeats, List<String> searchers, String id, int trials, List<Integer> workers, int seeds) {

        static Arguments parse(String[] args) {
            if (args.length == 0) {
                throw new IllegalArgumentException("no benchmark id");
            }
            int repeats = 3;
            List<String> searchers = List.of();
            int trials = 0;
            List<Integer> workers = List.of();
            int seeds = 0;
            for (int i = 0; i < args.length - 1; i++) {
                if (args[i].equals("--repeats") && i + 1 < args.length - 1) {
                    repeats = positive(args[++i]);
                } else if (args[i].equals("--workers") && i + 1 < args.length - 1) {
                    workers = names(args[++i]).stream().map(Arguments::positive).toList();
                } else if (args[i].equals("--trials") && i + 1 < args.length - 1) {
                    trials = positive(args[++i]);
                } else if (args[i].equals("--seeds") && i + 1 < args.length - 1) {
                    seeds = positive(args[++i]);
                } else if (args[i].equals("--searchers") && i + 1 < args.length - 1) {
                    searchers = names(args[++i]);
                } else {
                    throw new IllegalArgumentException("unexpected argument '" + args[i]
                            + "' (the benchmark id comes last)");
                }
            }
            String id = args[args.length - 1];
            if (!List.of("B1", "B2", "B3", "B4", "B4W", "B5", "B6", "B7", "B8", "B9", "BR", "JMH").contains(id)) {
                throw new IllegalArgumentException("unknown benchmark '" + id + "'");
            }
            if (!searchers.isEmpty() && !List.of("B1", "B4", "B4W", "B5", "B7", "B8").contains(id)) {
                throw new IllegalArgumentException("--searchers applies to B1, B4, B4W, B5, B7 and B8 only, not " + id);
            }
            if (trials > 0 && !List.of("B6", "B7", "B8", "B9").contains(id)) {
                throw new IllegalArgumentException("--trials applies to B6, B7, B8 and B9 only, not " + id);
            }
            if (!workers.isEmpty() && !id.equals("B7") && !(id.equals("B4W") && workers.size() == 1)) {
                throw new IllegalArgumentException("--workers applies to B7, and with one number to B4W, not to " + id
                        + " " + workers);
            }
            if (seeds > 0 && !id.equals("B4W") && !id.equals("B8")) {
                throw new IllegalArgumentException("--seeds applies to B4W and B8 only, not " + id);
            }
            return new Arguments(repeats, searchers, id, trials, workers, seeds);
        }

        /** The worker slots given with {@code --workers}, else {@code defaults}. */
        List<Integer> workersOr(List<Integer> defaults) {
            return workers.isEmpty() ? defaults : workers;
        }

        /** The seeds given with {@code --seeds}, else {@code defaults}. */
        int seedsOr(int defaults) {
            return seeds > 0 ? seeds : defaults;
        }

        /** The trials given with {@code --trials}, else {@code defaults}. */
        int trialsOr(int defaults) {
            return trials > 0 ? trials : defaults;
        }

        /** The searchers given on the command line, else {@code defaults}. */
        List<String> searchersOr(List<String> defaults) {
            return searchers.isEmpty() ? defaults : searchers;
        }

        private static List<String> names(String text) {
            List<String> names = new ArrayList<>();
            for (String name : text.split(",", -1)) {
                String trimmed = name.trim();
                if (trimmed.isEmpty()) {
                    throw new IllegalArgumentException("--searchers and --workers need values separated by commas,"
                            + " got '" + text + "'");
                }
                if (!names.contains(trimmed)) {
                    names.add(trimmed);
                }
            }
            return List.copyOf(names);
        }

        private static int positive(String text) {
            try {
                int n = Integer.parseInt(text);
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--repeats, --trials, --seeds and --workers need a whole number"
                    + " of at least 1, got '" + text + "'");
        }
    }
}
