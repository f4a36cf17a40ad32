package io.puffindb.registry;

import java.net.URI;
import java.time.Clock;

/**
 * Opens the Registry a setting names: {@code memory}, or {@code redis://host:port[/namespace]} —
 * services sharing a Redis and a namespace share their fleet of workers.
 */
public final class Registries {
    private Registries() {
    }

    public static Registry open(String spec) {
        if (spec.equals("memory")) {
            return new InMemoryRegistry(Clock.systemUTC());
        }
        if (spec.startsWith("redis://")) {
            URI uri = URI.create(spec);
            String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+", "");
            return new RedisRegistry(URI.create("redis://" + uri.getAuthority()), path.isEmpty() ? "default" : path);
        }
        throw new IllegalArgumentException("A registry is 'memory' or 'redis://host:port', not '" + spec + "'");
    }
}
