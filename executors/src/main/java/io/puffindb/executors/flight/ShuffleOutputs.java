package io.puffindb.executors.flight;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.DuckDbEngine;
import io.puffindb.executors.fragment.TaskSpec;
import io.puffindb.lake.SqlLiterals;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shuffled task outputs an engine holds, one DuckDB table each (in memory up to the engine's
 * memory limit, spilled to its temporary directory beyond it, as DuckDB's buffer manager does), kept
 * until their query ends. A task is run once however many consumers ask for its parts at once; a
 * failed run is forgotten, so the next request runs it again.
 */
final class ShuffleOutputs {
    private static final Logger LOG = LoggerFactory.getLogger(ShuffleOutputs.class);

    /** A task's output written here: the table holding it, its rows. */
    record Written(String table, long rows) {
    }

    /** Writes a task's output into the table it is given, telling {@code writing} the statement that does it; answers its rows. */
    interface Writer {
        long write(String table, Consumer<Statement> writing) throws Exception;
    }

    private static final long ENDED_CHECK_MILLIS = 200;

    private final DuckDbEngine engine;
    private final Predicate<String> queryEnded;
    private final ScheduledExecutorService endedCheck = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "shuffle-ended-check");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Map<String, CompletableFuture<Written>>> byQuery = new ConcurrentHashMap<>();
    // The statements writing outputs now, by query: a query's end stops them (its calls' own cancel may come too late).
    private final Map<String, Set<Statement>> writing = new ConcurrentHashMap<>();

    /** @param queryEnded whether this engine learnt that a query ended: its outputs still being written then stop */
    ShuffleOutputs(DuckDbEngine engine, Predicate<String> queryEnded) {
        this.engine = requireNonNull(engine, "engine is null");
        this.queryEnded = requireNonNull(queryEnded, "queryEnded is null");
        // A write whose statement started after its query's end notice arrived is stopped here: the notice found nothing to stop.
        endedCheck.scheduleWithFixedDelay(this::stopEnded, ENDED_CHECK_MILLIS, ENDED_CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void stopEnded() {
        writing.forEach((queryId, statements) -> {
            if (queryEnded.test(queryId)) {
                statements.forEach(ShuffleOutputs::cancelQuietly);
            }
        });
    }

    /** The task's output, written by {@code writer} now if this engine holds none yet (callers asking meanwhile wait for it). */
    Written written(TaskSpec task, Writer writer) throws Exception {
        Map<String, CompletableFuture<Written>> outputs = byQuery.computeIfAbsent(task.queryId(), query -> new ConcurrentHashMap<>());
        CompletableFuture<Written> mine = new CompletableFuture<>();
        CompletableFuture<Written> known = outputs.putIfAbsent(task.taskId(), mine);
        if (known != null) {
            try {
                return known.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        String table = tableName(task.queryId(), task.taskId());
        Set<Statement> statements = writing.computeIfAbsent(task.queryId(), query -> ConcurrentHashMap.newKeySet());
        List<Statement> mineWriting = new CopyOnWriteArrayList<>();
        try {
            Written written = new Written(table, writer.write(table, statement -> {
                mineWriting.add(statement);
                statements.add(statement);
            }));
            mine.complete(written);
            if (byQuery.get(task.queryId()) != outputs) {
                drop(List.of(table)); // the query ended while its output was written
            }
            return written;
        } catch (Exception e) {
            outputs.remove(task.taskId());
            mine.completeExceptionally(e);
            throw e;
        } finally {
            mineWriting.forEach(statements::remove);
            writing.computeIfPresent(task.queryId(), (query, left) -> left.isEmpty() ? null : left);
        }
    }

    /** Stops the query's outputs still being written and drops its outputs (one still being written is dropped by its writer). */
    void dropQuery(String queryId) {
        stopEnded();
        Map<String, CompletableFuture<Written>> outputs = byQuery.remove(queryId);
        if (outputs != null) {
            drop(outputs.keySet().stream().map(taskId -> tableName(queryId, taskId)).toList());
        }
    }

    private void drop(Collection<String> tables) {
        try (DuckDBConnection connection = engine.connect(); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.execute("DROP TABLE IF EXISTS " + SqlLiterals.identifier(table));
            }
        } catch (Exception e) {
            LOG.warn("Could not drop the shuffled outputs {}: {}", tables, e.getMessage());
        }
    }

    private static void cancelQuietly(Statement statement) {
        try {
            statement.cancel();
        } catch (Exception ignored) {
            // it ended meanwhile
        }
    }

    private static String tableName(String queryId, String taskId) {
        return "puffindb_shuffle_" + (queryId + "_" + taskId).replaceAll("[^A-Za-z0-9_]", "_");
    }
}
