package io.puffindb.registry;

import static java.util.Objects.requireNonNull;

/** A LAMBDA worker as the Registry knows it: its id and the Flight location where it takes tasks. */
public record WorkerInfo(String id, String location) {
    public WorkerInfo {
        requireNonNull(id, "id is null");
        requireNonNull(location, "location is null");
    }
}
