package io.puffindb.executors.flight;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.executors.fragment.TaskSpec;
import io.puffindb.lake.cache.CacheUsage;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.CallOptions;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.Result;

/**
 * What each recent task of an engine read from its SSD cache and what it fetched from the lake,
 * kept by the engine until the task's consumer asks for it with the Flight action
 * {@value #ACTION} (once the task's stream has ended), so EXPLAIN ANALYZE can say where a scan's
 * data came from.
 */
public final class TaskUsages {
    public static final String ACTION = "task-cache-usage";
    private static final int KEPT = 4096;
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, CacheUsage> byTask = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CacheUsage> eldest) {
            return size() > KEPT;
        }
    });

    static String key(TaskSpec task) {
        return task.queryId() + "/" + task.taskId();
    }

    void record(TaskSpec task, CacheUsage usage) {
        byTask.put(key(task), usage);
    }

    /** The task's usage, forgotten here once taken (a handover answers it along with its outcome). */
    Optional<CacheUsage> take(TaskSpec task) {
        return take(key(task));
    }

    private Optional<CacheUsage> take(String key) {
        return Optional.ofNullable(byTask.remove(key));
    }

    /** The action's answer: the usage as JSON, or nothing when the task is unknown here. */
    Optional<byte[]> answer(Action action) {
        return take(new String(action.getBody(), StandardCharsets.UTF_8)).map(usage -> {
            try {
                return JSON.writeValueAsBytes(usage);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Asks the worker that ran {@code task} where its files came from; null if it cannot say (gone,
     * restarted), which leaves it unknown rather than failing the query.
     */
    static CacheUsage askQuietly(FlightClients clients, String worker, TaskSpec task) {
        try {
            return ask(clients.to(worker), task).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Asks the engine that ran {@code task} where its files came from; empty if it no longer knows. */
    static Optional<CacheUsage> ask(FlightClient engine, TaskSpec task) {
        // Bounded: a worker frozen right after its task's stream must not hold the task's consumer.
        Iterator<Result> results = engine.doAction(new Action(ACTION, key(task).getBytes(StandardCharsets.UTF_8)),
                CallOptions.timeout(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        Optional<CacheUsage> usage = Optional.empty();
        while (results.hasNext()) {
            try {
                usage = Optional.of(JSON.readValue(results.next().getBody(), CacheUsage.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return usage;
    }
}
