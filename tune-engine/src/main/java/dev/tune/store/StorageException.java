package dev.tune.store;

/**
 * The experiment's storage cannot be used: a database that cannot be reached, refuses the
 * credentials, holds a different experiment under the name, or went away for longer than the
 * workers retry. The message names the storage (its password masked) and what to do.
 */
public final class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
