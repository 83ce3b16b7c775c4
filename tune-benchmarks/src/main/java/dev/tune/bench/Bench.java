package dev.tune.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.RuntimeMXBean;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs one benchmark of BENCHMARKS.md: {@code ./bench [--repeats N] <id>}, the id last. Prints the
 * JDK and heap first, then the JVM's start-up apart from every figure, then the benchmark's own
 * lines, and ends with its {@code RESULT} lines and nothing after them.
 */
public final class Bench {

    private static final String USAGE = "usage: bench [--repeats N] <B1|B2|B3|B5|JMH>\n"
            + "  B1   sequential driver overhead, Random search, 10,000 no-op trials\n"
            + "  B2   parallel bookkeeping overhead, 20 ms trials (2a, 2b; in memory and persisted)\n"
            + "  B3   intermediate-result throughput, 200 trials x 100 reports (FIFO, median, ASHA, HyperBand;"
            + " in memory and persisted)\n"
            + "  B5   multi-fidelity learning curves, seeds 0..9 (Random alone, + ASHA, + HyperBand,\n"
            + "       + async HyperBand; 100 trials and 8,100 epochs)\n"
            + "  JMH  InvokerBenchmark: how tune should call users' methods\n"
            + "  --repeats N  timed repeats whose median is reported (default 3; 1 for a quick check)\n"
            + "B4 and B6 come with later issues.";

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
            case "B1" -> B1Random.run(arguments.repeats(), out);
            case "B2" -> B2Bookkeeping.run(arguments.repeats(), out);
            case "B3" -> B3Reports.run(arguments.repeats(), out);
            case "B5" -> B5Pruning.run(arguments.repeats(), out);
            case "JMH" -> runJmh();
            default -> throw new IllegalStateException(arguments.id());
        };
        results.forEach(out::println);
        out.flush();
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

    /** The command line: optional {@code --repeats N}, then the benchmark id, last. */
    record Arguments(int repeats, String id) {

        static Arguments parse(String[] args) {
            if (args.length == 0) {
                throw new IllegalArgumentException("no benchmark id");
            }
            int repeats = 3;
            for (int i = 0; i < args.length - 1; i++) {
                if (args[i].equals("--repeats") && i + 1 < args.length - 1) {
                    repeats = positive(args[++i]);
                } else {
                    throw new IllegalArgumentException("unexpected argument '" + args[i] + "' (the benchmark id comes last)");
                }
            }
            String id = args[args.length - 1];
            if (id.equals("B4") || id.equals("B6")) {
                throw new IllegalArgumentException(id + " arrives with a later issue: "
                        + (id.equals("B4") ? "with model-based search (#8)" : "with resume (#7)"));
            }
            if (!List.of("B1", "B2", "B3", "B5", "JMH").contains(id)) {
                throw new IllegalArgumentException("unknown benchmark '" + id + "'");
            }
            return new Arguments(repeats, id);
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
            throw new IllegalArgumentException("--repeats needs a whole number of at least 1, got '" + text + "'");
        }
    }
}
