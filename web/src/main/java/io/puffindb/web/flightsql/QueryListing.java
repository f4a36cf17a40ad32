package io.puffindb.web.flightsql;

import io.puffindb.executors.QueryHandle;
import java.util.Optional;

/**
 * Where Flight SQL queries show beside the HTTP API's: listed with their progress and owner while they
 * run ({@code GET /v1/queries}), cancellable there ({@code DELETE /v1/queries/{id}}) and on the page,
 * then in the history and the metrics once they end.
 */
public interface QueryListing {
    void started(String queryId, String user, QueryHandle handle);

    /** The query ended: read to its end, or failed with {@code failure} (cancelled or never fetched too). */
    void ended(String queryId, Optional<? extends Exception> failure);

    /** Lists nothing (a Flight SQL server on its own). */
    QueryListing NONE = new QueryListing() {
        @Override
        public void started(String queryId, String user, QueryHandle handle) {
        }

        @Override
        public void ended(String queryId, Optional<? extends Exception> failure) {
        }
    };
}
