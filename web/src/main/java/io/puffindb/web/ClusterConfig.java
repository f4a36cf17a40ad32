package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.flight.PortRange;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How the engines of a deployment trust each other: the file holding the secret they share (none:
 * the service makes one up in memory, which its in-process workers share, and accepts no worker
 * processes — they could not know it), and the ports their Flight servers take.
 */
public record ClusterConfig(Optional<Path> secretFile, PortRange flightPorts) {
    public ClusterConfig {
        requireNonNull(secretFile, "secretFile is null");
        requireNonNull(flightPorts, "flightPorts is null");
    }

    /** No secret file, any free ports. */
    public static ClusterConfig defaults() {
        return new ClusterConfig(Optional.empty(), PortRange.ANY);
    }

    public ClusterConfig withSecretFile(Path file) {
        return new ClusterConfig(Optional.of(file), flightPorts);
    }
}
