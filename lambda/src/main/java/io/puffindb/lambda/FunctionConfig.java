package io.puffindb.lambda;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.EngineLimits;
import io.puffindb.lake.store.S3Settings;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The function's settings, from its environment variables (a function has no flags and no config
 * file): the same names as the service's ({@code PUFFINDB_REGISTRY}, {@code PUFFINDB_S3_ENDPOINT},
 * {@code PUFFINDB_CLUSTER_SECRET_FILE}, ...), with defaults fit for a function: its cache in /tmp.
 * The Registry must be the service's shared one (Redis): task outputs and stage counters go there.
 */
public record FunctionConfig(String registry, S3Settings s3, Path secretFile, Path cacheDir, long cacheBytes, EngineLimits duckDb, int batchRows) {
    public FunctionConfig {
        requireNonNull(registry, "registry is null");
        requireNonNull(s3, "s3 is null");
        requireNonNull(secretFile, "secretFile is null");
        requireNonNull(cacheDir, "cacheDir is null");
        requireNonNull(duckDb, "duckDb is null");
        if (!registry.startsWith("redis://")) {
            throw new IllegalArgumentException("PUFFINDB_REGISTRY must be the service's shared Registry (redis://...), got " + registry);
        }
    }

    /** Reads the settings from {@code environment}; the Registry and the cluster secret file have no default. */
    public static FunctionConfig fromEnvironment(Map<String, String> environment) {
        Settings settings = new Settings(environment);
        S3Settings s3 = new S3Settings(settings.optional("s3.endpoint"), settings.get("s3.region", "us-east-1"),
                Boolean.parseBoolean(settings.get("s3.path.style", "false")), settings.optional("s3.access.key"), settings.optional("s3.secret.key"));
        EngineLimits duckDb = new EngineLimits(Integer.parseInt(settings.get("duckdb.threads", String.valueOf(Runtime.getRuntime().availableProcessors()))),
                settings.get("duckdb.memory", "1GB"), settings.get("duckdb.max.temp", "2GB"));
        return new FunctionConfig(settings.required("registry"), s3, Path.of(settings.required("cluster.secret.file")),
                Path.of(settings.get("cache.dir", "/tmp/puffindb-cache")), Long.parseLong(settings.get("cache.worker.bytes", String.valueOf(4L << 30))),
                duckDb, Integer.parseInt(settings.get("arrow.batch.rows", "65536")));
    }

    // A setting {@code a.b} is the variable PUFFINDB_A_B, as for the service.
    private record Settings(Map<String, String> environment) {
        Optional<String> optional(String name) {
            return Optional.ofNullable(environment.get("PUFFINDB_" + name.replace('.', '_').toUpperCase(Locale.ROOT))).filter(value -> !value.isBlank());
        }

        String get(String name, String fallback) {
            return optional(name).orElse(fallback);
        }

        String required(String name) {
            return optional(name).orElseThrow(() -> new IllegalArgumentException(
                    "The function needs PUFFINDB_" + name.replace('.', '_').toUpperCase(Locale.ROOT)));
        }
    }
}
