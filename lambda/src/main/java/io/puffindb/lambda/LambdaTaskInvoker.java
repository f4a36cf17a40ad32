package io.puffindb.lambda;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.executors.flight.HandoverRunner;
import io.puffindb.executors.flight.TaskErrorStatus;
import io.puffindb.executors.flight.TaskHandover;
import io.puffindb.executors.flight.TaskStream;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.apache.arrow.flight.CallStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Runs handed-over LAMBDA tasks by invoking the function (synchronously, one invocation per task)
 * through the AWS SDK's Lambda client instead of a worker's Flight action. At most
 * {@code concurrency} invocations run at once across the service's queries. A task gets
 * {@code attempts} invocations: one that fails (a function error: the runtime crashed or the handler
 * threw), times out, or is refused by the Lambda service is run again; a task that failed with the
 * caller's mistake is not (its typed failure says so, as a worker's Flight status would).
 * Credentials come from the SDK's default chain.
 */
public final class LambdaTaskInvoker implements HandoverRunner, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LambdaTaskInvoker.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    // Beyond the invocation's own timeout: the connection is not what should time out first.
    private static final Duration SOCKET_SLACK = Duration.ofSeconds(5);

    private final LambdaSettings settings;
    private final LambdaClient client;
    private final Semaphore running;
    private final List<String> targets;

    public LambdaTaskInvoker(LambdaSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
        LambdaClientBuilder builder = LambdaClient.builder()
                .region(Region.of(settings.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(settings.timeout().plus(SOCKET_SLACK)))
                // Retries are ours (a retry is the task's next attempt, counted in its statistics), never the SDK's behind our back.
                .overrideConfiguration(override -> override.apiCallTimeout(settings.timeout()).retryStrategy(AwsRetryStrategy.doNotRetry()));
        settings.endpoint().ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
        this.client = builder.build();
        this.running = new Semaphore(settings.concurrency(), true);
        this.targets = Collections.nCopies(settings.attempts(), "lambda:" + settings.function());
    }

    @Override
    public List<String> targets(TaskStream task) {
        return targets;
    }

    @Override
    public TaskHandover.Outcome run(String target, byte[] handoverTicket) {
        try {
            running.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CallStatus.CANCELLED.withDescription("Stopped while waiting to invoke " + settings.function()).toRuntimeException();
        }
        try {
            return answerOf(invoke(handoverTicket));
        } finally {
            running.release();
        }
    }

    private InvokeResponse invoke(byte[] handoverTicket) {
        SdkBytes payload = SdkBytes.fromByteArray(encode(new TaskInvocation(handoverTicket)));
        try {
            return client.invoke(request -> request.functionName(settings.function()).invocationType(InvocationType.REQUEST_RESPONSE).payload(payload));
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException e) {
            throw CallStatus.TIMED_OUT.withDescription("The invocation of " + settings.function() + " did not answer within " + settings.timeout())
                    .withCause(e).toRuntimeException();
        } catch (SdkException e) {
            throw CallStatus.UNAVAILABLE.withDescription("Cannot invoke " + settings.function() + ": " + e.getMessage()).withCause(e).toRuntimeException();
        }
    }

    private static byte[] encode(TaskInvocation invocation) {
        try {
            return JSON.writeValueAsBytes(invocation);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode an invocation", e);
        }
    }

    // A function error is the invocation's failure, not the task's: the runtime crashed, ran out of time or memory, or the handler threw.
    private static TaskHandover.Outcome answerOf(InvokeResponse response) {
        String payload = response.payload() == null ? "" : response.payload().asUtf8String();
        if (response.functionError() != null) {
            LOG.warn("Invocation failed ({}): {}", response.functionError(), payload);
            throw CallStatus.UNAVAILABLE.withDescription("The invocation failed (" + response.functionError() + "): " + payload).toRuntimeException();
        }
        TaskInvocation.Answer answer;
        try {
            answer = JSON.readValue(payload, TaskInvocation.Answer.class);
        } catch (IOException e) {
            throw CallStatus.INTERNAL.withDescription("Not a task's answer: " + payload).withCause(e).toRuntimeException();
        }
        if (answer.failure() != null) {
            throw TaskErrorStatus.of(new PuffinException(codeOf(answer.failure().code()), answer.failure().message()));
        }
        if (answer.outcome() == null) {
            throw CallStatus.INTERNAL.withDescription("A task's answer without outcome: " + payload).toRuntimeException();
        }
        return answer.outcome();
    }

    private static ErrorCode codeOf(String name) {
        try {
            return ErrorCode.valueOf(name);
        } catch (IllegalArgumentException e) {
            return ErrorCode.REMOTE_FAILED; // a function of a newer build: its code is not ours to interpret
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
