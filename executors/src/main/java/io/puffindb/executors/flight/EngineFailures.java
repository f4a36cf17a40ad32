package io.puffindb.executors.flight;

import static java.lang.String.format;

import io.puffindb.executors.DuckDbErrors;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.sql.SQLException;

/**
 * What a task's failure in this engine is, decided in the engine, where DuckDB's own exception is at
 * hand: an error in the data or the query's arithmetic is the caller's, a task output over its spill
 * budget is a resource error, anything else is ours. The type then crosses Flight with {@link TaskErrorStatus}.
 */
final class EngineFailures {
    private EngineFailures() {
    }

    static PuffinException of(String taskId, Exception failure) {
        String what = format("Task %s", taskId);
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PuffinException known) {
                return known;
            }
            if (cause instanceof SpillBudget.TaskOutputTooLarge tooLarge) {
                return SpillBudget.exceeded(format("%s: %s", what, tooLarge.getMessage()));
            }
            if (cause instanceof SQLException duckDb) {
                return DuckDbErrors.fromDuckDb(duckDb, what);
            }
        }
        return new PuffinException(ErrorCode.INTERNAL_ERROR, format("%s failed: %s", what, failure), failure);
    }
}
