package dev.tune.store.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A worker JVM ({@link WorkerMain}) started by a test, its output in a log file. */
final class WorkerProcess {

    final Process process;
    final Path log;

    private WorkerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code WorkerMain trainable name} against {@code url}, with {@code -D} properties {@code extra}. */
    static WorkerProcess start(String url, Path dir, String trainable, String name, String label, String... extra)
            throws IOException {
        return start(WorkerMain.class.getName(), List.of(trainable, name), url, dir, label, extra);
    }

    /** Starts {@code main} with {@code arguments} against {@code url}, with {@code -D} properties {@code extra}. */
    static WorkerProcess start(String main, List<String> arguments, String url, Path dir, String label,
            String... extra) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx128m");
        command.add("-Dtune.storage=" + url);
        command.add("-Dtune.storage.user=" + PostgresServer.USER);
        command.add("-Dtune.storage.password=" + PostgresServer.PASSWORD);
        command.add("-Dtune.storagePath=" + dir);
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
        for (String property : extra) {
            command.add("-D" + property);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main);
        command.addAll(arguments);
        Path log = dir.resolve(label + ".log");
        return new WorkerProcess(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .start(), log);
    }

    /**
     * Starts {@code count} workers of experiment {@code name} (logs {@code name-0.log}, ...), waits
     * for each to end, and checks each exited normally and printed {@code TOTAL total}.
     */
    static void runEach(int count, int total, String url, Path dir, String trainable, String name, String... extra)
            throws IOException, InterruptedException {
        List<WorkerProcess> workers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            workers.add(start(url, dir, trainable, name, name + "-" + i, extra));
        }
        for (WorkerProcess worker : workers) {
            String log = worker.await(120);
            if (worker.process.exitValue() != 0 || !log.contains("TOTAL " + total)) {
                throw new AssertionError("worker exited " + worker.process.exitValue() + " without TOTAL " + total
                        + ":\n" + log);
            }
        }
    }

    /** Waits for the worker to end; its log, once it has. */
    String await(long seconds) throws IOException, InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("worker did not end within " + seconds + " s:\n" + Files.readString(log));
        }
        return Files.readString(log);
    }
}
