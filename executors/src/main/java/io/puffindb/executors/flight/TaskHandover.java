package io.puffindb.executors.flight;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.executors.fragment.TaskSpec;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.cache.CacheUsage;
import java.io.IOException;

/**
 * The Flight action {@value #ACTION}, whose body is a signed handover ticket ({@link QueryTickets#handover}):
 * run a task to its end and hand its whole output over instead
 * of streaming it — into the Registry under {@link #resultKey} when its Arrow IPC bytes are at most
 * {@code smallResultBytes}, else into the object store at {@link #spillUri} — then count the task
 * complete in the Registry's stage. The answer says which way it went.
 */
public final class TaskHandover {
    public static final String ACTION = "run-task-handover";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TaskHandover() {
    }

    /** A fragment's tasks handed over together: the Registry stage counting them, where their outputs go, and how large one may grow. */
    public record Stage(String stageId, long smallResultBytes, String spillFolder, long ttlMillis, long maxSpillBytes) {
    }

    /**
     * Where the output went ({@link TaskStats#REGISTRY} or {@link TaskStats#SPILL}), its size, its rows,
     * and where the task's lake files came from (null if unknown): no second call needed to ask.
     */
    public record Outcome(String where, long bytes, long rows, CacheUsage cache) {
        byte[] toBytes() {
            return encode(this);
        }

        static Outcome fromBytes(byte[] body) {
            return decode(body, Outcome.class);
        }
    }

    /** The Registry key of a task's small output. */
    public static String resultKey(TaskSpec task) {
        return task.queryId() + "/" + task.taskId();
    }

    /** The object store location of a task's spilled output. */
    public static String spillUri(String spillFolder, TaskSpec task) {
        return spillFolder.replaceAll("/+$", "") + "/" + task.queryId() + "/" + task.taskId() + ".arrows";
    }

    private static byte[] encode(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new PuffinException(ErrorCode.INTERNAL_ERROR, "Cannot encode a handover: " + e.getMessage(), e);
        }
    }

    private static <T> T decode(byte[] body, Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (IOException e) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, "Not a handover " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
