package io.puffindb.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS Lambda handler of the LAMBDA tier ({@code io.puffindb.lambda.TaskFunction::handleRequest}):
 * each invocation is one task, as {@link TaskInvocation} JSON, answered with where its output went.
 * The runtime creates the handler once per instance, so the engine — DuckDB, the /tmp cache — is
 * built during the instance's init (where SnapStart would snapshot it) and reused while it is warm.
 * It logs its cold start: how long the JVM ran before init, the init itself, and the first task.
 */
public final class TaskFunction implements RequestStreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(TaskFunction.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FunctionEngine engine;
    private final AtomicBoolean first = new AtomicBoolean(true);

    public TaskFunction() {
        long jvmMillis = ManagementFactory.getRuntimeMXBean().getUptime();
        long start = System.nanoTime();
        this.engine = new FunctionEngine(FunctionConfig.fromEnvironment(System.getenv()));
        LOG.info("Cold start of {}: JVM and runtime client {} ms before init, init (DuckDB, caches, Registry) {} ms", engine.id(), jvmMillis,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long start = System.nanoTime();
        TaskInvocation.Answer answer = engine.run(JSON.readValue(input, TaskInvocation.class));
        JSON.writeValue(output, answer);
        if (first.getAndSet(false)) {
            LOG.info("First task of {} took {} ms ({})", engine.id(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                    answer.failure() == null ? "handed over to " + answer.outcome().where() : "failed: " + answer.failure().message());
        }
    }
}
