package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import io.puffindb.cost.CostProfile;
import io.puffindb.cost.DeploymentCosts;
import io.puffindb.executors.EngineLimits;
import io.puffindb.executors.HandoverSettings;
import io.puffindb.executors.cache.RamSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Every setting of a PuffinDB process, typed. Built by {@link ConfigLoader} from flags, environment,
 * a properties file and defaults, in that order of precedence. {@code bind}: the address the service's
 * engines (and its HTTP port) listen on, loopback unless set.
 */
public record PuffinConfig(
        int port,
        String lake,
        double scaleFactor,
        String defaultSchema,
        Duration queryTimeout,
        long maxRequestBytes,
        EngineLimits duckDb,
        int arrowBatchRows,
        String server,
        int workers,
        String coordinator,
        String workerHost,
        int workerPort,
        List<String> throughAllow,
        ClientConfig client,
        String registry,
        StorageConfig storage,
        HandoverSettings handover,
        HttpSettings http,
        ClusterConfig cluster,
        OperationsConfig operations) {

    public PuffinConfig {
        requireNonNull(lake, "lake is null");
        requireNonNull(defaultSchema, "defaultSchema is null");
        requireNonNull(queryTimeout, "queryTimeout is null");
        requireNonNull(duckDb, "duckDb is null");
        requireNonNull(server, "server is null");
        requireNonNull(coordinator, "coordinator is null");
        requireNonNull(workerHost, "workerHost is null");
        throughAllow = List.copyOf(throughAllow);
        requireNonNull(client, "client is null");
        requireNonNull(registry, "registry is null");
        requireNonNull(storage, "storage is null");
        requireNonNull(handover, "handover is null");
        requireNonNull(http, "http is null");
        requireNonNull(cluster, "cluster is null");
        requireNonNull(operations, "operations is null");
    }

    /** The address the service listens on: {@code 127.0.0.1} (loopback) unless {@code --bind ADDR} says otherwise. */
    public String bind() {
        return http.bind();
    }

    /** The same settings with these HTTP access settings (bind address, users, hosts, origins). */
    public PuffinConfig withHttp(HttpSettings newHttp) {
        return new PuffinConfig(port, lake, scaleFactor, defaultSchema, queryTimeout, maxRequestBytes, duckDb,
                arrowBatchRows, server, workers, coordinator, workerHost, workerPort, throughAllow, client, registry, storage, handover, newHttp, cluster, operations);
    }

    /** The embedded default's settings with another lake, port (0: any free one) and worker count; for tests and tools. */
    public static PuffinConfig embedded(Path lake, int port, int workers) {
        return new PuffinConfig(port, lake.toString(), 0.01, "tpch", Duration.ofMinutes(5), 1024 * 1024, new EngineLimits(2, "2GB", "20GB"), 65536, "http://localhost:" + port,
                workers, "", "127.0.0.1", 0, List.of(), ClientConfig.defaults(), "memory",
                StorageConfig.defaults(), HandoverSettings.defaults(StorageConfig.defaults().cacheDir().resolve("spill").toString()), HttpSettings.loopback(),
                ClusterConfig.defaults(), OperationsConfig.defaults());
    }

    public PuffinConfig withQueryTimeout(Duration timeout) {
        return new PuffinConfig(port, lake, scaleFactor, defaultSchema, timeout, maxRequestBytes, duckDb, arrowBatchRows,
                server, workers, coordinator, workerHost, workerPort, throughAllow, client, registry, storage, handover, http, cluster, operations);
    }

    /** Keeps worker membership in this Registry ({@code memory} or {@code redis://host:port[/namespace]}). */
    public PuffinConfig withRegistry(String spec) {
        return new PuffinConfig(port, lake, scaleFactor, defaultSchema, queryTimeout, maxRequestBytes, duckDb,
                arrowBatchRows, server, workers, coordinator, workerHost, workerPort, throughAllow, client, spec, storage, handover, http, cluster, operations);
    }

    /** Allows THROUGH to these {@code host:port} patterns besides this service itself. */
    public PuffinConfig withThroughAllow(List<String> patterns) {
        return new PuffinConfig(port, lake, scaleFactor, defaultSchema, queryTimeout, maxRequestBytes, duckDb,
                arrowBatchRows, server, workers, coordinator, workerHost, workerPort, patterns, client, registry, storage, handover, http, cluster, operations);
    }

    /** Reads the lake at {@code location} (a folder or {@code s3://bucket/prefix}) with these storage settings. */
    public PuffinConfig withLake(String location, StorageConfig newStorage) {
        return new PuffinConfig(port, location, scaleFactor, defaultSchema, queryTimeout, maxRequestBytes, duckDb,
                arrowBatchRows, server, workers, coordinator, workerHost, workerPort, throughAllow, client, registry, newStorage, handover, http, cluster, operations);
    }

    /** The same lake with these RAM layer settings ({@link RamSettings#NONE}: none). */
    public PuffinConfig withRam(RamSettings ram) {
        return withLake(lake, storage.withRam(ram));
    }

    /** Hands LAMBDA outputs over this way (see {@link HandoverSettings}). */
    public PuffinConfig withHandover(HandoverSettings newHandover) {
        return new PuffinConfig(port, lake, scaleFactor, defaultSchema, queryTimeout, maxRequestBytes, duckDb,
                arrowBatchRows, server, workers, coordinator, workerHost, workerPort, throughAllow, client, registry, storage, newHandover, http, cluster, operations);
    }

    /** True when the lake is a folder on this machine (the demo lake can be generated into it). */
    public boolean lakeIsLocal() {
        return !lake.contains("://");
    }

    /** Resolves unqualified table names in this schema ({@code tpch}, or a catalog's {@code iceberg.tpch}). */
    public PuffinConfig withDefaultSchema(String schema) {
        return new PuffinConfig(port, lake, scaleFactor, schema, queryTimeout, maxRequestBytes, duckDb,
                arrowBatchRows, server, workers, coordinator, workerHost, workerPort, throughAllow, client, registry, storage, handover, http, cluster, operations);
    }

    /** Engines and worker processes share the secret in {@code file} (see {@link ClusterConfig}). */
    public PuffinConfig withClusterSecretFile(Path file) {
        return new PuffinConfig(port, lake, scaleFactor, defaultSchema, queryTimeout, maxRequestBytes, duckDb,
                arrowBatchRows, server, workers, coordinator, workerHost, workerPort, throughAllow, client, registry, storage, handover, http,
                cluster.withSecretFile(file), operations);
    }

    /** Plans with the costs of this shape of deployment (tests and tools force {@code FLEET} to exercise the distributed path). */
    public PuffinConfig withCostShape(DeploymentCosts.Shape shape) {
        return new PuffinConfig(port, lake, scaleFactor, defaultSchema, queryTimeout, maxRequestBytes, duckDb,
                arrowBatchRows, server, workers, coordinator, workerHost, workerPort, throughAllow, client, registry, storage, handover, http,
                cluster.withCostShape(shape), operations);
    }

    /** Runs the LAMBDA tier's tasks as invocations of this serverless function (see {@link ClusterConfig}). */
    public PuffinConfig withLambda(io.puffindb.lambda.LambdaSettings lambda) {
        return new PuffinConfig(port, lake, scaleFactor, defaultSchema, queryTimeout, maxRequestBytes, duckDb,
                arrowBatchRows, server, workers, coordinator, workerHost, workerPort, throughAllow, client, registry, storage, handover, http,
                cluster.withLambda(lambda), operations);
    }

    /** The cost model of this deployment: its shape and the operator's cost settings, the MONOSTORE's threads as the host's. */
    public CostProfile costProfile() {
        return new DeploymentCosts(cluster.costShape(), duckDb.threads(), lakeIsLocal(), cluster.costOverrides());
    }

    /** Starts this many in-process workers (0: none; worker processes may still join). */
    public PuffinConfig withWorkers(int count) {
        return new PuffinConfig(port, lake, scaleFactor, defaultSchema, queryTimeout, maxRequestBytes, duckDb,
                arrowBatchRows, server, count, coordinator, workerHost, workerPort, throughAllow, client, registry, storage, handover, http, cluster, operations);
    }

    /** Logs finished queries in this form and keeps this many in the history. */
    public PuffinConfig withOperations(OperationsConfig newOperations) {
        return new PuffinConfig(port, lake, scaleFactor, defaultSchema, queryTimeout, maxRequestBytes, duckDb, arrowBatchRows,
                server, workers, coordinator, workerHost, workerPort, throughAllow, client, registry, storage, handover, http, cluster, newOperations);
    }

    public PuffinConfig withMaxRequestBytes(long bytes) {
        return new PuffinConfig(port, lake, scaleFactor, defaultSchema, queryTimeout, bytes, duckDb, arrowBatchRows,
                server, workers, coordinator, workerHost, workerPort, throughAllow, client, registry, storage, handover, http, cluster, operations);
    }
}
