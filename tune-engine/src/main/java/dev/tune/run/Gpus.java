package dev.tune.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GPUs this machine has, for {@code tune.resources.totalGpu}'s default, as Ray counts them:
 * the devices {@code nvidia-smi -L} lists, else the entries of {@code /proc/driver/nvidia/gpus};
 * 0 when there are none. Asked only when a trial requests GPUs and no total was declared.
 */
final class Gpus {

    private static final Logger LOG = LoggerFactory.getLogger(Gpus.class);
    private static final Path PROC = Path.of("/proc/driver/nvidia/gpus");

    private Gpus() {
    }

    /** Found once a JVM: the machine's GPUs do not change while it runs. */
    private static volatile Integer found;

    /** The GPUs found on this machine. */
    static int detected() {
        Integer count = found;
        if (count == null) {
            int listed = fromNvidiaSmi();
            count = listed > 0 ? listed : fromProc(PROC);
            found = count;
            LOG.info("This machine has {} GPU(s) (nvidia-smi -L, else {}); declare tune.resources.totalGpu to say"
                    + " otherwise", count, PROC);
        }
        return count;
    }

    /** The devices in {@code nvidia-smi -L}'s output: one line {@code GPU <n>: <name> (UUID: ...)} each. */
    static int countListed(List<String> lines) {
        return (int) lines.stream().filter(line -> line.matches("GPU \\d+:.*")).count();
    }

    /** The entries of {@code dir} (one per GPU the driver knows), 0 when it is absent. */
    static int fromProc(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> gpus = Files.list(dir)) {
            return (int) gpus.count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static int fromNvidiaSmi() {
        try {
            Process process = new ProcessBuilder("nvidia-smi", "-L").redirectErrorStream(true).start();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return 0;
            }
            List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .toList();
            return process.exitValue() == 0 ? countListed(lines) : 0;
        } catch (IOException e) {
            return 0; // no nvidia-smi on this machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
