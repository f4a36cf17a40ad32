package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per ended query: with {@code --log-format json}, the query as one JSON object on a line of
 * its own on standard output (the history's fields, for a log shipper; the service's own log stays on
 * standard error); otherwise a sentence through the service's log.
 */
final class QueryLogLine {
    private static final Logger LOG = LoggerFactory.getLogger("io.puffindb.queries");

    private final OperationsConfig.LogFormat format;
    private final ObjectMapper json;
    private final PrintStream out;

    QueryLogLine(OperationsConfig.LogFormat format, ObjectMapper json, PrintStream out) {
        this.format = requireNonNull(format, "format is null");
        this.json = requireNonNull(json, "json is null");
        this.out = requireNonNull(out, "out is null");
    }

    void write(FinishedQuery query) {
        if (format == OperationsConfig.LogFormat.JSON) {
            try {
                // println of one String: one write, so lines of queries ending together do not interleave.
                out.println(json.writeValueAsString(query));
            } catch (JsonProcessingException e) {
                LOG.warn("Query {} could not be written as JSON: {}", query.queryId(), e.toString());
            }
        } else if (query.failed()) {
            LOG.info("Query {} of {} failed with {} after {} ms: {}", query.queryId(), query.user(), query.error().code(), query.durationMillis(),
                    query.error().message());
        } else {
            LOG.info("Query {} of {} finished: {} rows in {} ms, {} bytes read", query.queryId(), query.user(), query.rows(), query.durationMillis(),
                    query.bytesRead());
        }
    }
}
