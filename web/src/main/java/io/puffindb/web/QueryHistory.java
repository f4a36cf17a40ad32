package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last {@code bound} queries that ended, newest first, in memory: what {@code GET /v1/queries?state=finished}
 * lists; with a {@link QueryHistoryFile}, every one is kept there too, and the newest are read back at start.
 */
final class QueryHistory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueryHistory.class);

    private final int bound;
    private final Deque<FinishedQuery> queries = new ArrayDeque<>();
    private final Optional<QueryHistoryFile> file;

    QueryHistory(int bound) {
        this(bound, Optional.empty());
    }

    QueryHistory(int bound, Optional<QueryHistoryFile> file) {
        this.bound = bound;
        this.file = requireNonNull(file, "file is null");
        if (file.isPresent() && bound > 0) {
            try {
                queries.addAll(file.get().newest(bound));
            } catch (SQLException e) {
                throw new PuffinException(ErrorCode.BAD_REQUEST, "Cannot read the query history back from its file: " + e.getMessage(), e);
            }
        }
    }

    synchronized void add(FinishedQuery query) {
        if (file.isPresent()) {
            try {
                file.get().append(query);
            } catch (SQLException e) {
                // The query has answered already: a history that cannot be written must not fail it.
                LOG.warn("Could not keep query {} in the history file: {}", query.queryId(), e.getMessage());
            }
        }
        if (bound == 0) {
            return;
        }
        queries.addFirst(query);
        while (queries.size() > bound) {
            queries.removeLast();
        }
    }

    /** Up to {@code limit} of the newest the caller may see ({@code failedOnly}: only failed ones); an admin sees everyone's. */
    synchronized List<FinishedQuery> newest(Caller caller, boolean failedOnly, int limit) {
        List<FinishedQuery> found = new ArrayList<>();
        for (Iterator<FinishedQuery> it = queries.iterator(); it.hasNext() && found.size() < limit;) {
            FinishedQuery query = it.next();
            if (caller.mayAct(query.user()) && (!failedOnly || query.failed())) {
                found.add(query);
            }
        }
        return found;
    }

    @Override
    public void close() throws SQLException {
        if (file.isPresent()) {
            file.get().close();
        }
    }
}
