package dev.tune.process;

import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.trainable.Experiment;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an experiment's child JVMs start: this JVM's {@code java}, the trainable's class path (in an
 * argument file, so no command line is too long), {@code -Xmx} from {@code tune.resources.memoryMb},
 * then {@code tune.isolation.jvmArgs}. A child exits on its first {@code OutOfMemoryError}, writes
 * what the JVM itself reports to stderr, and a native crash's error report to the temporary
 * directory. Each child sees only its trial's GPUs in {@code CUDA_VISIBLE_DEVICES}, as in Ray.
 * Children with the same command and GPUs are kept between experiments ({@link ChildPool}).
 */
public final class ChildLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(ChildLauncher.class);
    private static final long START_TIMEOUT_MILLIS = 60_000;
    private static final Map<String, Path> ARGUMENT_FILES = new ConcurrentHashMap<>();

    private final Experiment experiment;
    private final List<String> command;
    private final Heap heap;

    private ChildLauncher(Experiment experiment, List<String> command, Heap heap) {
        this.experiment = experiment;
        this.command = command;
        this.heap = heap;
    }

    /** Children for {@code experiment}, run with {@code options}. */
    public static ChildLauncher of(Experiment experiment, TuneOptions options) {
        String classPath = options.get(TuneOption.ISOLATION_CLASS_PATH).orElseGet(() -> ChildClassPath.of(
                experiment.type()));
        List<String> jvmArgs = options.resolve(TuneOption.ISOLATION_JVM_ARGS);
        Heap heap = Heap.of(jvmArgs, options.resolve(TuneOption.MEMORY_MB));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + argumentFile(classPath));
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-XX:+DisplayVMOutputToStderr");
        command.add("-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), "tune-hs_err_pid%p.log"));
        if (options.resolve(TuneOption.MEMORY_MB) > 0) {
            command.add("-Xmx" + options.resolve(TuneOption.MEMORY_MB) + "m");
        }
        command.addAll(jvmArgs);
        command.add(ChildMain.class.getName());
        LOG.info("Experiment {} runs its trials in child JVMs (tune.isolation=process), one per slot, with {}{}",
                experiment.name(), heap.setting(),
                jvmArgs.isEmpty() ? "" : " and JVM options " + String.join(" ", jvmArgs));
        LOG.debug("Child JVM command: {}; class path: {}", command, classPath);
        return new ChildLauncher(experiment, List.copyOf(command), heap);
    }

    /** The experiment whose trials the children run. */
    Experiment experiment() {
        return experiment;
    }

    Heap heap() {
        return heap;
    }

    /**
     * A child that sees GPUs {@code gpus}, printing to {@code out} and {@code err} until told
     * otherwise: an idle one kept from an earlier experiment when {@code pooled} and one is, else a
     * new one.
     */
    ChildJvm start(List<Integer> gpus, Supplier<PrintStream> out, Supplier<PrintStream> err, boolean pooled)
            throws IOException {
        ChildJvm idle = pooled ? ChildPool.take(command, gpus) : null;
        if (idle != null) {
            idle.printTo(out, err);
            return idle;
        }
        ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        List<String> full = new ArrayList<>(command);
        full.add(String.valueOf(server.getLocalPort()));
        full.add(token);
        ProcessBuilder builder = new ProcessBuilder(full);
        builder.environment().put("CUDA_VISIBLE_DEVICES",
                gpus.stream().map(String::valueOf).collect(Collectors.joining(",")));
        return ChildJvm.start(builder, server, token, gpus, out, err, START_TIMEOUT_MILLIS);
    }

    /**
     * How long a child takes from its start to its first word to the parent (the JVM's start-up
     * and tune's classes loading): starts one and ends it at once. For benchmarks and diagnostics.
     */
    public Duration timeStart() throws IOException {
        long start = System.nanoTime();
        ChildJvm child = start(List.of(), () -> System.out, () -> System.err, false);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        child.close();
        return took;
    }

    /** {@code child}'s experiment ended: it is kept for a later one, or closed when it cannot be. */
    void release(ChildJvm child) {
        ChildPool.give(command, child);
    }

    /** The command without the port and token: for messages and tests. */
    List<String> command() {
        return command;
    }

    /** One file per class path, so that children of later experiments have the same command and can be pooled. */
    private static Path argumentFile(String classPath) {
        return ARGUMENT_FILES.computeIfAbsent(classPath, ChildLauncher::writeArgumentFile);
    }

    private static Path writeArgumentFile(String classPath) {
        try {
            Path file = Files.createTempFile("tune-child-", ".args");
            file.toFile().deleteOnExit();
            String quoted = classPath.replace("\\", "\\\\").replace("\"", "\\\"");
            Files.writeString(file, "-cp\n\"" + quoted + "\"\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the class path of the child JVMs to a temporary file", e);
        }
    }
}
