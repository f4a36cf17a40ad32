package io.puffindb.executors.fragment;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.store.StoredObject;
import java.util.List;

/**
 * One task of a fragment, as its signed ticket carries it: the DuckDB SQL to run, the streams to
 * register first, each pulled by ticket from the engine that holds it, and the remote lake files
 * the worker must have in its cache. The consumer of a task's output pulls it by presenting the
 * ticket to a worker.
 */
public record TaskSpec(String queryId, String taskId, String sql, List<StreamInput> inputs, List<StoredObject> files) {
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
}
