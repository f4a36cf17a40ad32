package io.puffindb.executors.flight;

import io.puffindb.lake.PuffinException;
import java.util.Optional;

/** A reader of a LAMBDA fragment's tasks' rows (a gather or a handover), as its query sees it. */
public interface TaskReader {
    /** Stops the tasks on their workers and wakes whoever reads. */
    void abort();

    /** Why the tasks' rows stopped coming, when a task failed on every worker (see {@link TaskFailures}). */
    Optional<PuffinException> failure();
}
