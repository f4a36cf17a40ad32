package io.puffindb.lambda;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * How the MONOSTORE invokes the LAMBDA tier's function: its name (or ARN), the Lambda API endpoint
 * (empty: AWS's own for {@code region}; set for a local endpoint), how many invocations may run at
 * once, how many attempts a task gets, and how long one attempt may take before it counts as failed.
 */
public record LambdaSettings(String function, Optional<String> endpoint, String region, int concurrency, int attempts, Duration timeout) {
    public LambdaSettings {
        requireNonNull(function, "function is null");
        endpoint = requireNonNull(endpoint, "endpoint is null").filter(value -> !value.isBlank());
        requireNonNull(region, "region is null");
        requireNonNull(timeout, "timeout is null");
        if (function.isBlank()) {
            throw new IllegalArgumentException("The Lambda function needs a name");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("lambda.concurrency must be at least 1, got " + concurrency);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("lambda.attempts must be at least 1, got " + attempts);
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("lambda.timeout must be positive, got " + timeout);
        }
    }
}
