package io.puffindb.executors.flight;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps what is written in memory up to a threshold, then moves it to a temporary file and goes on
 * there: a task's output is known to be small (for the Registry) or large (for the object store)
 * only once it is all written. It never grows past the query's spill budget.
 */
final class SpillingOutputStream extends OutputStream {
    private final long threshold;
    private final long maxBytes;
    private final Path folder;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream fileOut;
    private long written;

    /** Fails a write that would take it past {@code maxBytes} in all (the query's spill budget). */
    SpillingOutputStream(long threshold, long maxBytes, Path folder) {
        this.threshold = threshold;
        this.maxBytes = maxBytes;
        this.folder = folder;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        written += length;
        if (written > maxBytes) {
            throw new SpillBudget.TaskOutputTooLarge(maxBytes);
        }
        if (fileOut == null && written > threshold) {
            Files.createDirectories(folder);
            file = Files.createTempFile(folder, "task-", ".arrows");
            fileOut = Files.newOutputStream(file);
            memory.writeTo(fileOut);
            memory = null;
        }
        if (fileOut != null) {
            fileOut.write(bytes, offset, length);
        } else {
            memory.write(bytes, offset, length);
        }
    }

    /** The bytes, if they stayed within the threshold. */
    Optional<byte[]> inMemory() {
        return memory == null ? Optional.empty() : Optional.of(memory.toByteArray());
    }

    /** The file they went to, if they did not. */
    Optional<Path> spilled() {
        return Optional.ofNullable(file);
    }

    long size() {
        return written;
    }

    @Override
    public void close() throws IOException {
        if (fileOut != null) {
            fileOut.close();
        }
    }

    /** Deletes the temporary file, if any. */
    void discard() throws IOException {
        close();
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }
}
