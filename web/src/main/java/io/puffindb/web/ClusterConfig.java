package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import io.puffindb.cost.CostOverrides;
import io.puffindb.cost.DeploymentCosts;
import io.puffindb.executors.flight.PortRange;
import io.puffindb.lambda.LambdaSettings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How the engines of a deployment trust each other: the file holding the secret they share (none:
 * the service makes one up in memory, which its in-process workers share, and accepts no worker
 * processes — they could not know it), the ports their Flight servers take, and the shape of
 * deployment the cost model assumes ({@code cost.profile}) with the operator's cost settings ({@code cost.*}),
 * and the serverless function that runs the LAMBDA tier's tasks instead of the workers ({@code lambda.*}; none: the workers run them).
 */
public record ClusterConfig(Optional<Path> secretFile, PortRange flightPorts, DeploymentCosts.Shape costShape, CostOverrides costOverrides,
        Optional<LambdaSettings> lambda) {
    public ClusterConfig {
        requireNonNull(secretFile, "secretFile is null");
        requireNonNull(flightPorts, "flightPorts is null");
        requireNonNull(costShape, "costShape is null");
        requireNonNull(costOverrides, "costOverrides is null");
        requireNonNull(lambda, "lambda is null");
    }

    /** No secret file, any free ports, costs of the deployment found running. */
    public static ClusterConfig defaults() {
        return new ClusterConfig(Optional.empty(), PortRange.ANY, DeploymentCosts.Shape.AUTO, CostOverrides.NONE, Optional.empty());
    }

    public ClusterConfig withSecretFile(Path file) {
        return new ClusterConfig(Optional.of(file), flightPorts, costShape, costOverrides, lambda);
    }

    public ClusterConfig withCostShape(DeploymentCosts.Shape shape) {
        return new ClusterConfig(secretFile, flightPorts, shape, costOverrides, lambda);
    }

    public ClusterConfig withLambda(LambdaSettings settings) {
        return new ClusterConfig(secretFile, flightPorts, costShape, costOverrides, Optional.of(settings));
    }
}
