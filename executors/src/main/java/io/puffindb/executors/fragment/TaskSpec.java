package io.puffindb.executors.fragment;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.store.StoredObject;
import java.io.IOException;
import java.util.List;

/**
 * One task of a fragment, as its Flight ticket carries it: the DuckDB SQL to run, the streams to
 * register first, each pulled by ticket from the engine that holds it, and the remote lake files
 * the worker must have in its cache. The consumer of a task's output pulls it by presenting this
 * ticket to a worker.
 */
public record TaskSpec(String queryId, String taskId, String sql, List<StreamInput> inputs, List<StoredObject> files) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public TaskSpec {
        requireNonNull(queryId, "queryId is null");
        requireNonNull(taskId, "taskId is null");
        requireNonNull(sql, "sql is null");
        inputs = List.copyOf(inputs);
        files = List.copyOf(files);
    }

    /** A stream to register under {@code name}: served at {@code location} for {@code ticket}. */
    public record StreamInput(String name, String location, byte[] ticket) {
    }

    public byte[] toTicket() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new PuffinException(ErrorCode.INTERNAL_ERROR, "Cannot encode task " + taskId, e);
        }
    }

    public static TaskSpec fromTicket(byte[] ticket) {
        try {
            return JSON.readValue(ticket, TaskSpec.class);
        } catch (IOException e) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, "Not a task ticket: " + e.getMessage(), e);
        }
    }
}
