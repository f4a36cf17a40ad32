package io.puffindb.web.flightsql;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import io.puffindb.web.parameters.ParameterMarkers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.vector.types.pojo.Schema;

/** The prepared statements clients hold, by handle: each statement's text, its parameters' schema and the values last bound. */
final class PreparedStatements {
    /** A prepared statement; {@code bound} holds one literal per marker once values were put. */
    static final class Prepared {
        private final ParameterMarkers markers;
        private final Schema parameterSchema;
        private volatile List<String> bound = List.of();

        Prepared(ParameterMarkers markers, Schema parameterSchema) {
            this.markers = requireNonNull(markers, "markers is null");
            this.parameterSchema = requireNonNull(parameterSchema, "parameterSchema is null");
        }

        Schema parameterSchema() {
            return parameterSchema;
        }

        void bind(List<String> literals) {
            this.bound = List.copyOf(literals);
        }

        /** The text to run: the statement with its bound values in place of its markers. */
        String boundSql() {
            return markers.count() == 0 ? markers.sql() : markers.bind(bound);
        }
    }

    private final Map<String, Prepared> byHandle = new ConcurrentHashMap<>();

    String add(Prepared prepared) {
        String handle = UUID.randomUUID().toString();
        byHandle.put(handle, prepared);
        return handle;
    }

    Prepared get(String handle) {
        Prepared prepared = byHandle.get(handle);
        if (prepared == null) {
            throw new PuffinException(ErrorCode.NOT_FOUND, "No prepared statement " + handle + " (closed, or prepared on another server)");
        }
        return prepared;
    }

    void close(String handle) {
        byHandle.remove(handle);
    }
}
