package io.puffindb.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.executors.QueryExecutor;
import io.puffindb.executors.cache.RamSettings;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import io.puffindb.web.StorageConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reactive caching, measured: TPC-H on a lake held by the in-process S3 server. Each query runs on
 * a fresh service with empty caches (cold: its LAMBDA tasks fetch from S3); once the background
 * promotion into the MONOSTORE's SSD cache has settled it runs again (warm), and once what that run
 * read has moved up into the MONOSTORE's RAM layer (its copies written as configured: as stored or
 * uncompressed), a third time (hot). Prints the times, their ratios, the bytes the S3 server served
 * for each run and the RAM the hot run's files took, DuckDB alone on a local copy of the same files
 * as the baseline, and geometric means; then the Registry's operation latencies on Redis.
 */
final class CacheBench {
    private static final String LAKE = "s3://lake/bench";
    private static final long CACHE_BYTES = 8L << 30;
    private static final long PROMOTION_TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final double scaleFactor;
    private final int workers;
    private final Path lake;
    private final Path queries;
    private final String redis;
    private final RamSettings ram;
    private final PrintStream out;

    CacheBench(double scaleFactor, int workers, Path lake, Path queries, String redis, RamSettings ram, PrintStream out) {
        this.ram = requireNonNull(ram, "ram is null");
        this.scaleFactor = scaleFactor;
        this.workers = workers;
        this.lake = requireNonNull(lake, "lake is null");
        this.queries = requireNonNull(queries, "queries is null");
        this.redis = requireNonNull(redis, "redis is null");
        this.out = requireNonNull(out, "out is null");
    }

    void run() throws Exception {
        Path schema = BenchQueries.tpchLake(lake, scaleFactor, out);
        List<BenchQueries.Query> cases = BenchQueries.in(queries);
        try (InProcessS3 s3 = new InProcessS3("lake"); DuckDbAlone duckdb = new DuckDbAlone(schema)) {
            upload(s3);
            out.printf("%nTPC-H SF %s on the in-process S3 server, %d queries; each on a fresh PuffinDB (%d in-process workers, empty caches):"
                    + " cold run, promotion to the MONOSTORE's SSD, warm run, promotion to its RAM (%s, %s), hot run."
                    + " DuckDB alone reads a local copy.%n%n", scaleFactor, cases.size(), workers, ram.form().configName(), ram.compression().configName());
            out.printf("%-6s %10s %10s %10s %10s %9s %9s %9s %10s %11s %11s %8s%n", "query", "duckdb ms", "cold ms", "warm ms", "hot ms", "warm/cold",
                    "hot/warm", "hot/duck", "promote ms", "cold S3 MB", "warm S3 MB", "RAM MB");
            GeometricMean warmOverCold = new GeometricMean();
            GeometricMean coldOverDuck = new GeometricMean();
            GeometricMean warmOverDuck = new GeometricMean();
            GeometricMean hotOverWarm = new GeometricMean();
            GeometricMean hotOverDuck = new GeometricMean();
            for (BenchQueries.Query query : cases) {
                duckdb.run(query.sql());
                double alone = Timing.millis(() -> duckdb.run(query.sql()));
                Runs runs = coldThenWarm(s3, query.sql());
                warmOverCold.add(runs.warmMillis / runs.coldMillis);
                coldOverDuck.add(runs.coldMillis / Math.max(alone, 0.001));
                warmOverDuck.add(runs.warmMillis / Math.max(alone, 0.001));
                hotOverWarm.add(runs.hotMillis / runs.warmMillis);
                hotOverDuck.add(runs.hotMillis / Math.max(alone, 0.001));
                out.printf("%-6s %10.1f %10.1f %10.1f %10.1f %9.2f %9.2f %9.2f %10.0f %11.1f %11.1f %8.1f%n", query.name(), alone, runs.coldMillis,
                        runs.warmMillis, runs.hotMillis, runs.warmMillis / runs.coldMillis, runs.hotMillis / runs.warmMillis,
                        runs.hotMillis / Math.max(alone, 0.001), runs.promotionMillis, runs.coldBytes / 1e6, runs.warmBytes / 1e6, runs.ramBytes / 1e6);
            }
            out.printf("%ngeometric means: warm/cold %.2f, hot/warm %.2f, cold/duckdb %.2f, warm/duckdb %.2f, hot/duckdb %.2f%n",
                    warmOverCold.value(), hotOverWarm.value(), coldOverDuck.value(), warmOverDuck.value(), hotOverDuck.value());
        }
        out.println();
        new RegistryLatency(redis, out).run();
    }

    private void upload(InProcessS3 s3) throws IOException {
        long total = Folders.bytesUnder(lake);
        long[] done = {0};
        s3.uploadFolder(lake, LAKE, size -> {
            done[0] += size;
            out.printf("\r  uploading the lake to S3: %,d of %,d MB", done[0] >> 20, total >> 20);
        });
        out.println();
    }

    private record Runs(double coldMillis, double promotionMillis, double warmMillis, double hotMillis, long coldBytes, long warmBytes, long ramBytes) {
    }

    private Runs coldThenWarm(InProcessS3 s3, String sql) throws Exception {
        Path caches = Files.createTempDirectory("puffindb-cache-bench-");
        try {
            StorageConfig storage = new StorageConfig(s3.settings(), caches, CACHE_BYTES, CACHE_BYTES, List.of())
                    .withRam(ram);
            PuffinConfig config = PuffinConfig.embedded(lake, 0, workers).withLake(LAKE, storage);
            try (EmbeddedService service = EmbeddedService.start(config, GenerationProgress.SILENT)) {
                QueryExecutor executor = service.executor();
                long before = s3.bytesServed();
                double cold = Timing.millis(() -> BenchQueries.run(executor, sql));
                long afterCold = s3.bytesServed();
                double promotion = Timing.millis(() -> awaitPromotions(executor));
                long beforeWarm = s3.bytesServed();
                double warm = Timing.millis(() -> BenchQueries.run(executor, sql));
                long afterWarm = s3.bytesServed();
                awaitPromotions(executor);
                double hot = Timing.millis(() -> BenchQueries.run(executor, sql));
                return new Runs(cold, promotion, warm, hot, afterCold - before, afterWarm - beforeWarm, monostoreRamBytes(service));
            }
        } finally {
            Folders.deleteTree(caches);
        }
    }

    // As the cluster page shows it: the bytes of the RAM copies the MONOSTORE holds.
    private static long monostoreRamBytes(EmbeddedService service) throws IOException, InterruptedException {
        HttpResponse<String> cluster = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/v1/cluster"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(cluster.body()).path("monostore").path("cache").path("ramBytes").asLong();
    }

    private static void awaitPromotions(QueryExecutor executor) throws InterruptedException {
        long deadline = System.nanoTime() + PROMOTION_TIMEOUT_NANOS;
        while (executor.pendingPromotions() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
