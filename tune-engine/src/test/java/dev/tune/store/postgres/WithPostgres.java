package dev.tune.store.postgres;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** A test class whose tests share one real PostgreSQL server (a database each) and get a scratch directory. */
abstract class WithPostgres {

    static PostgresServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }
}
