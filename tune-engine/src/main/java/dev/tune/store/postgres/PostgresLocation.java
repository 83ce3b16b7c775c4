package dev.tune.store.postgres;

import dev.tune.io.Secrets;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A PostgreSQL database that holds shared experiments: its JDBC URL, user and password. The
 * password never leaves this record except to the driver: {@link #toString()} and
 * {@link #display()} mask it, wherever it was given.
 *
 * @param url {@code jdbc:postgresql://host[:port]/database[?parameters]}
 * @param user the user, or null to let the URL or the driver decide
 * @param password the password, or null
 */
public record PostgresLocation(String url, String user, String password) {

    private static final Pattern URL = Pattern.compile(
            "jdbc:postgresql://(?:[^/@?#]+@)?(?:\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9._-]+)(?::[0-9]{1,5})?"
                    + "(?:,[A-Za-z0-9._-]+(?::[0-9]{1,5})?)*/[^/?#\\s]+(?:\\?[^#\\s]*)?");

    public PostgresLocation {
        Objects.requireNonNull(url, "url");
    }

    /** True when {@code storage} names a database rather than a directory. */
    public static boolean isDatabase(String storage) {
        return storage != null && storage.startsWith("jdbc:");
    }

    /**
     * Reads a {@code tune.storage} URL; user and password come from the options when given, else
     * from the environment's {@code PGUSER} and {@code PGPASSWORD}, as {@code psql} reads them.
     *
     * @throws IllegalArgumentException naming the (masked) URL and the expected form
     */
    public static PostgresLocation of(String url, String user, String password, Map<String, String> env) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("tune.storage=" + Secrets.maskUrl(url) + " names a database tune cannot"
                    + " use: only PostgreSQL is supported, as jdbc:postgresql://host:5432/database");
        }
        if (!URL.matcher(url).matches()) {
            throw new IllegalArgumentException("tune.storage=" + Secrets.maskUrl(url) + " is not a PostgreSQL URL:"
                    + " write it as jdbc:postgresql://host:5432/database (port and ?parameters optional)");
        }
        return new PostgresLocation(url, user != null ? user : env.get("PGUSER"),
                password != null ? password : env.get("PGPASSWORD"));
    }

    /** The URL with any password masked, and the user: what messages and logs show. */
    public String display() {
        return Secrets.maskUrl(url) + (user != null ? " (user " + user + ")" : "");
    }

    @Override
    public String toString() {
        return "PostgresLocation[" + display() + "]";
    }
}
