package io.puffindb.executors;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.DuckDbSqlRenderer;
import io.puffindb.calcite.LogicalPlan;
import io.puffindb.calcite.ScanFiles;
import io.puffindb.calcite.SqlFrontEnd;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import io.puffindb.rules.LogicalRewrites;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.sql.SqlNode;

/**
 * A query's way from text to Arrow: plan it with Calcite, render the plan as DuckDB SQL and run that
 * on the MONOSTORE engine. Never runs the caller's text itself: DuckDB only sees what the plan says.
 */
public final class QueryExecutor implements AutoCloseable {
    private final SqlFrontEnd frontEnd;
    private final DuckDbRunner monostore;
    private final Duration timeout;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "query-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    public QueryExecutor(SqlFrontEnd frontEnd, DuckDbRunner monostore, Duration timeout) {
        this.frontEnd = requireNonNull(frontEnd, "frontEnd is null");
        this.monostore = requireNonNull(monostore, "monostore is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    public PreparedQuery prepare(String sql) {
        long start = System.nanoTime();
        try {
            SqlNode parsed = frontEnd.parse(sql);
            LogicalPlan validated = frontEnd.toLogicalPlan(parsed, new HepPlanner(HepProgram.builder().build()));
            LogicalPlan plan = validated.withRoot(LogicalRewrites.rewrite(validated.root()));
            String duckDbSql = new DuckDbSqlRenderer(ScanFiles.ALL).render(plan.root());
            return new PreparedQuery(sql, plan, duckDbSql, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } catch (PuffinException e) {
            throw e;
        } catch (RuntimeException | AssertionError e) {
            // Calcite failing on a query it validated is a gap of ours, not the caller's mistake.
            throw new PuffinException(ErrorCode.INTERNAL_ERROR, format("Planning failed: %s", e), e);
        }
    }

    /** Starts the query; the caller reads it and closes it. */
    public RunningQuery run(PreparedQuery query, BufferAllocator allocator) {
        Cancellation cancellation = new Cancellation();
        QueryDeadline deadline = new QueryDeadline(deadlines, timeout, cancellation);
        try {
            ArrowResult result = monostore.run(query.duckDbSql(), allocator, "Query", cancellation);
            return new RunningQuery(query, result, cancellation, deadline);
        } catch (PuffinException e) {
            deadline.disarm();
            throw deadline.expired() ? deadline.exceeded(e) : e;
        }
    }

    public Explanation explain(String sql) {
        return PlanDescriber.explain(prepare(sql));
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
    }
}
