package io.puffindb.executors.flight;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.MessageSerializer;

/**
 * One task attempt's batches, kept on the consumer side until the attempt ends: a task whose worker
 * dies or freezes mid-stream is run again elsewhere and its partial output is dropped here, so
 * DuckDB only ever reads whole tasks. Batches stay in memory while the query's spool budget lasts
 * and go to a local temporary file beyond it.
 */
final class TaskSpool implements AutoCloseable {
    private final AtomicLong memoryLeft;
    private final BufferAllocator allocator;
    private final Deque<ArrowRecordBatch> inMemory = new ArrayDeque<>();
    private long memoryHeld;
    private Path file;
    private FileChannel fileOut;
    private int batchesOnDisk;
    private long rows;
    private long bytes;

    /**
     * @param memoryLeft the bytes the query's spools may still hold in memory, shared by all of them
     * @param allocator where batches read back from disk are allocated
     */
    TaskSpool(AtomicLong memoryLeft, BufferAllocator allocator) {
        this.memoryLeft = requireNonNull(memoryLeft, "memoryLeft is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
    }

    /** Takes the batch: it is closed here once written to disk, dropped or handed on. */
    synchronized void add(ArrowRecordBatch batch) throws IOException {
        long size = batch.computeBodyLength();
        rows += batch.getLength();
        bytes += size;
        // Once on disk, always on disk: the batches are handed on in the order they came.
        if (fileOut == null && memoryLeft.addAndGet(-size) >= 0) {
            inMemory.add(batch);
            memoryHeld += size;
            return;
        }
        try (batch) {
            if (fileOut == null) {
                memoryLeft.addAndGet(size);
                file = Files.createTempFile("puffindb-spool-", ".arrows");
                fileOut = FileChannel.open(file, StandardOpenOption.WRITE);
            }
            MessageSerializer.serialize(new WriteChannel(fileOut), batch);
            batchesOnDisk++;
        }
    }

    long rows() {
        return rows;
    }

    long bytes() {
        return bytes;
    }

    /** Takes the batches on, one by one, and closes them. */
    interface Sink {
        void accept(ArrowRecordBatch batch) throws IOException, InterruptedException;
    }

    /** Hands every batch on in the order they came (those in memory, then those read back from disk), emptying the spool. */
    synchronized void drainTo(Sink sink) throws IOException, InterruptedException {
        while (!inMemory.isEmpty()) {
            ArrowRecordBatch batch = inMemory.poll();
            long size = batch.computeBodyLength();
            memoryHeld -= size;
            memoryLeft.addAndGet(size);
            sink.accept(batch);
        }
        if (fileOut == null) {
            return;
        }
        fileOut.close();
        fileOut = null;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ReadChannel channel = new ReadChannel(in);
            for (; batchesOnDisk > 0; batchesOnDisk--) {
                sink.accept((ArrowRecordBatch) MessageSerializer.deserializeMessageBatch(channel, allocator));
            }
        } finally {
            Files.deleteIfExists(file);
            file = null;
        }
    }

    /** Drops whatever is left: the batches in memory are released, the file deleted. */
    @Override
    public synchronized void close() throws IOException {
        inMemory.forEach(ArrowRecordBatch::close);
        inMemory.clear();
        memoryLeft.addAndGet(memoryHeld);
        memoryHeld = 0;
        if (fileOut != null) {
            fileOut.close();
            fileOut = null;
        }
        if (file != null) {
            Files.deleteIfExists(file);
            file = null;
        }
    }
}
