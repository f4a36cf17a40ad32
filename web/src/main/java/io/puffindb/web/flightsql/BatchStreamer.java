package io.puffindb.web.flightsql;

import io.puffindb.executors.RunningQuery;
import org.apache.arrow.flight.BackpressureStrategy;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;

/**
 * Sends a started query's batches to a DoGet as the plan produces them (the same batches the HTTP
 * endpoint writes as Arrow IPC), waiting while the client is not ready for more; a client that goes
 * away cancels the query.
 */
final class BatchStreamer {
    private static final long READY_WAIT_MILLIS = 30_000;

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
            if (!ready(backpressure, listener)) {
                started.handle().cancel();
                return;
            }
            listener.putNext();
            loaded = running.nextBatch();
        }
        listener.completed();
    }

    // False once the client cancelled the stream.
    private static boolean ready(BackpressureStrategy backpressure, ServerStreamListener listener) {
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
            }
        }
    }
}
