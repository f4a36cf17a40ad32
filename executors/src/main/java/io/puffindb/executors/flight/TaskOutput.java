package io.puffindb.executors.flight;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

/**
 * Where a running task's batches go: a Flight stream to the consumer pulling them, or an Arrow IPC
 * stream written for a handover. The root holds the batch to send each time {@link #send()} is called.
 */
interface TaskOutput {
    void start(VectorSchemaRoot root) throws IOException;

    /** Sends the root's current batch; false if the consumer went away. */
    boolean send() throws Exception;

    void end() throws IOException;

    /** Batches streamed to a consumer over Flight, one at a time as it is ready for them. */
    static TaskOutput flight(ServerStreamListener listener) {
        return new TaskOutput() {
            @Override
            public void start(VectorSchemaRoot root) {
                listener.start(root);
            }

            @Override
            public boolean send() throws InterruptedException {
                // Back-pressure: the next batch goes out only once the consumer has taken the last one.
                while (!listener.isReady() && !listener.isCancelled()) {
                    TimeUnit.MILLISECONDS.sleep(1);
                }
                if (listener.isCancelled()) {
                    return false;
                }
                listener.putNext();
                return true;
            }

            @Override
            public void end() {
                listener.completed();
            }
        };
    }

    /** Batches written as one Arrow IPC stream. */
    static TaskOutput ipc(java.io.OutputStream out) {
        return new TaskOutput() {
            private ArrowStreamWriter writer;

            @Override
            public void start(VectorSchemaRoot root) throws IOException {
                writer = new ArrowStreamWriter(root, null, out);
                writer.start();
            }

            @Override
            public boolean send() throws IOException {
                writer.writeBatch();
                return true;
            }

            @Override
            public void end() throws IOException {
                writer.end();
            }
        };
    }
}
