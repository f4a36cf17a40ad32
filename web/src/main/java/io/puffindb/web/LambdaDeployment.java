package io.puffindb.web;

import static java.lang.String.format;

import io.puffindb.executors.HandoverSettings;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import io.puffindb.lambda.LambdaSettings;

/**
 * What a deployment whose LAMBDA tasks run as function invocations must share with its functions,
 * checked when the service starts rather than discovered by the first query: the Registry (Redis),
 * where outputs and stage counters go, and an object store location for spilled outputs (a
 * function's /tmp is nobody else's).
 */
final class LambdaDeployment {
    private LambdaDeployment() {
    }

    static LambdaSettings check(LambdaSettings lambda, String registry, HandoverSettings handover) {
        if (!registry.startsWith("redis://")) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, format("lambda.function %s needs a Registry the function shares: --registry redis://..., not %s",
                    lambda.function(), registry));
        }
        if (!handover.spillFolder().contains("://")) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, format("lambda.function %s needs spills in the object store the function writes to: "
                    + "--handover.spill s3://bucket/prefix, not %s", lambda.function(), handover.spillFolder()));
        }
        return lambda;
    }
}
