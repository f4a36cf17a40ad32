package io.puffindb.web.flightsql;

import io.puffindb.executors.RunningQuery;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import org.apache.arrow.flight.BackpressureStrategy;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;

/**
 * Sends a started query's batches to a DoGet as the plan produces them (the same batches the HTTP
 * endpoint writes as Arrow IPC), waiting while the client is not ready for more; a client that goes
 * away cancels the query.
 */
final class BatchStreamer {
    // A reader that stalls is waited for in short steps, so that a cancel from elsewhere (the HTTP API, a deadline) ends the stream at once.
    private static final long READY_WAIT_MILLIS = 100;

    private BatchStreamer() {
    }

    static void stream(StartedQueries.Started started, ServerStreamListener listener) {
        RunningQuery running = started.running();
        listener.setOnCancelHandler(started.handle()::cancel);
        BackpressureStrategy backpressure = new BackpressureStrategy.CallbackBackpressureStrategy();
        backpressure.register(listener);
        listener.start(running.batch());
        boolean loaded = started.firstLoaded();
        while (loaded) {
            if (!ready(backpressure, listener, started)) {
                started.handle().cancel();
                return;
            }
            if (started.handle().cancelled()) {
                throw new PuffinException(ErrorCode.CANCELLED, "Query was cancelled");
            }
            listener.putNext();
            loaded = running.nextBatch();
        }
        listener.completed();
    }

    // False once the client cancelled the stream; true when it is ready for the next batch, or when the query was
    // cancelled here (the next batch then fails with the cancel, which the client is told).
    private static boolean ready(BackpressureStrategy backpressure, ServerStreamListener listener, StartedQueries.Started started) {
        while (true) {
            BackpressureStrategy.WaitResult result = backpressure.waitForListener(READY_WAIT_MILLIS);
            switch (result) {
                case READY:
                    return true;
                case CANCELLED:
                    return false;
                default:
                    if (listener.isCancelled()) {
                        return false;
                    }
                    if (started.handle().cancelled()) {
                        return true;
                    }
            }
        }
    }
}
