package dev.tune.store.postgres;

import dev.tune.result.SavedCheckpoint;
import dev.tune.store.StoreEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Checkpoints kept in the database ({@code tune_checkpoint}): a checkpoint directory whose files
 * add up to at most {@link #LIMIT} bytes is stored as a zip archive beside its event, so that a
 * worker on another machine can take the trial over from it, or PBT can copy it, with no shared
 * file system. A larger one stays files only: it is reachable from other machines only under
 * {@code tune.storage.checkpoints}. Archives are plain zip files of the checkpoint's own files; an
 * entry that would land outside the directory is refused.
 */
final class CheckpointBytes {

    /** The most bytes of files a checkpoint may have to be kept in the database: 1 MiB. */
    static final long LIMIT = 1L << 20;

    private CheckpointBytes() {
    }

    /**
     * The files of {@code dir} as a zip archive; empty when they add up to more than {@link #LIMIT},
     * or when the directory is gone (a later checkpoint of the trial replaced it before this one
     * was written out: only the latest few are kept).
     */
    static Optional<byte[]> pack(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            long size = 0;
            for (Path file : files) {
                size += Files.size(file);
            }
            if (size > LIMIT) {
                return Optional.empty();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) size + 256);
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (Path file : files) {
                    zip.putNextEntry(new ZipEntry(dir.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            }
            return Optional.of(bytes.toByteArray());
        } catch (IOException | UncheckedIOException e) {
            if (!Files.isDirectory(dir)) {
                return Optional.empty(); // deleted while it was read, or before
            }
            throw new IllegalStateException("cannot read checkpoint " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the archive's files to {@code dir}: into a directory beside it first, then moved into
     * place, so the checkpoint appears whole or not at all.
     */
    static void unpack(byte[] archive, Path dir) {
        Path partial = dir.resolveSibling(dir.getFileName() + ".partial-" + ProcessHandle.current().pid());
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            Files.createDirectories(partial);
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path file = partial.resolve(entry.getName()).normalize();
                if (!file.startsWith(partial) || entry.isDirectory()) {
                    if (entry.isDirectory()) {
                        continue;
                    }
                    throw new IOException("entry " + entry.getName() + " would land outside the checkpoint");
                }
                Files.createDirectories(file.getParent());
                Files.copy(zip, file, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.createDirectories(dir.getParent());
            try {
                Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!Files.isDirectory(dir)) {
                    throw e;
                } // another thread of this machine unpacked it first
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack checkpoint " + dir + " from the database: " + e.getMessage(),
                    e);
        } finally {
            deleteQuietly(partial);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a leftover partial directory is harmless: its name is not a checkpoint's
        }
    }

    /** Keeps {@code archive} as checkpoint {@code dir} (relative, as its event names it) of trial {@code number}. */
    static void store(Connection c, long experiment, int number, String dir, byte[] archive) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO tune_checkpoint (experiment_id, dir, trial_number,"
                + " bytes) VALUES (?, ?, ?, ?) ON CONFLICT (experiment_id, dir) DO NOTHING")) {
            s.setLong(1, experiment);
            s.setString(2, dir);
            s.setInt(3, number);
            s.setBytes(4, archive);
            s.executeUpdate();
        }
    }

    /**
     * Unpacks {@code checkpoint} (of the experiment whose directory is {@code experimentDir}) from
     * the database, for a caller that found its files missing here; false when it is not kept there.
     */
    static boolean fetch(Connection c, long experiment, Path experimentDir, SavedCheckpoint checkpoint)
            throws SQLException {
        Optional<byte[]> archive = read(c, experiment, StoreEvents.relativeDir(experimentDir,
                checkpoint.dir()));
        archive.ifPresent(bytes -> unpack(bytes, checkpoint.dir()));
        return archive.isPresent();
    }

    /** The archive kept as checkpoint {@code dir}, if the database holds it. */
    static Optional<byte[]> read(Connection c, long experiment, String dir) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT bytes FROM tune_checkpoint WHERE experiment_id = ? AND dir = ?")) {
            s.setLong(1, experiment);
            s.setString(2, dir);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
            }
        }
    }
}
