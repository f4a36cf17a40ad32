package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.calcite.LakeCatalog;
import io.puffindb.calcite.jdbc.JdbcDatabase;
import io.puffindb.calcite.SqlFrontEnd;
import io.puffindb.calcite.through.AllowList;
import io.puffindb.cost.CostParameters;
import io.puffindb.cost.CostProfile;
import io.puffindb.executors.ActiveQueries;
import io.puffindb.executors.DuckDbEngine;
import io.puffindb.executors.PhysicalPlanner;
import io.puffindb.executors.QueryExecutor;
import io.puffindb.executors.WorkerNode;
import io.puffindb.executors.WorkerPool;
import io.puffindb.executors.flight.FlightClients;
import io.puffindb.executors.flight.PortRange;
import io.puffindb.executors.trust.ClusterSecret;
import io.puffindb.lake.CombinedLake;
import io.puffindb.lake.FileMetadataReader;
import io.puffindb.lake.FolderLake;
import io.puffindb.lake.FooterMetadata;
import io.puffindb.lake.Lake;
import io.puffindb.lake.delta.DeltaLake;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.lake.hudi.HudiLake;
import io.puffindb.lake.iceberg.IcebergCatalogs;
import io.puffindb.lake.iceberg.IcebergLake;
import io.puffindb.lake.store.MetadataCopies;
import io.puffindb.lake.store.ObjectStores;
import io.puffindb.executors.Handover;
import io.puffindb.executors.HandoverSettings;
import io.puffindb.executors.flight.HandoverRunner;
import io.puffindb.lambda.LambdaTaskInvoker;
import io.puffindb.executors.cache.CacheDirectory;
import io.puffindb.executors.cache.RamSettings;
import io.puffindb.executors.stats.StatisticsStore;
import io.puffindb.registry.CacheLayer;
import io.puffindb.registry.Registries;
import io.puffindb.registry.Registry;
import io.puffindb.web.flightsql.CatalogTables;
import io.puffindb.web.flightsql.TableFormat;
import io.puffindb.web.flightsql.FlightSqlService;
import io.puffindb.web.flightsql.PemPair;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default, in one JVM: a lake folder (TPC-H when it starts empty), the MONOSTORE
 * engine with its Flight service, N in-process LAMBDA workers (each its own DuckDB and Flight server,
 * on loopback unless {@code bind} says otherwise), the query executor and the HTTP service. Worker
 * processes may join it over HTTP when it has a cluster secret file for them to share.
 */
public final class EmbeddedService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedService.class);
    static final Duration WORKER_TTL = Duration.ofSeconds(3);

    private final BufferAllocator allocator;
    private final FileMetadataReader metadataReader;
    private final ObjectStores stores;
    private final List<JdbcCatalog> icebergCatalogs = new ArrayList<>();
    private final List<JdbcDatabase> databases;
    private final WorkerNode monostore;
    private final List<WorkerNode> localWorkers = new ArrayList<>();
    private final Registry registry;
    private final WorkerPool workers;
    private final FlightClients clients;
    private final Optional<LambdaTaskInvoker> lambda;
    private final QueryExecutor executor;
    private final HttpServer http;
    private final Optional<FlightSqlService> flightSql;
    private final QueryHistory history;

    private EmbeddedService(PuffinConfig config, GenerationProgress progress, CostProfile costs) {
        requireNonNull(config, "config is null");
        // First, so a service that may not start (beyond loopback without users) starts nothing.
        Users users = Users.of(config.http());
        Optional<TlsFiles> tls = TlsFiles.of(config.http());
        this.allocator = new RootAllocator();
        this.metadataReader = new FileMetadataReader();
        StorageConfig storage = config.storage();
        this.stores = ObjectStores.of(storage.s3());
        if (config.lakeIsLocal()) {
            DemoLake.ensure(Path.of(config.lake()), config.scaleFactor(), stores, metadataReader, progress);
        }
        MetadataCopies footerCopies = new MetadataCopies(storage.cacheDir().resolve("footers"), stores);
        FolderLake lake = new FolderLake(config.lake(), stores, footerCopies, metadataReader);
        Map<String, Lake> catalogs = new LinkedHashMap<>();
        for (IcebergCatalogConfig catalog : icebergCatalogs(config)) {
            JdbcCatalog opened = IcebergCatalogs.jdbc(catalog.name(), catalog.uri(), catalog.warehouse(), stores);
            icebergCatalogs.add(opened);
            catalogs.put(catalog.name(), new IcebergLake(opened));
        }
        Map<String, Lake> tableFolders = new LinkedHashMap<>();
        storage.deltaLakes().forEach((name, path) -> tableFolders.put(name, new DeltaLake(name, path, stores)));
        storage.hudiLakes().forEach((name, path) -> tableFolders.put(name, new HudiLake(name, path, stores, new FooterMetadata(footerCopies, metadataReader))));
        CombinedLake tables = new CombinedLake(lake, tableFolders);
        this.databases = storage.databases();
        LakeCatalog lakeCatalog = new LakeCatalog(tables, catalogs, storage.databases(), config.defaultSchema());
        SqlFrontEnd frontEnd = new SqlFrontEnd(lakeCatalog, SqlFrontEnd.defaultParserConfig());
        this.registry = Registries.open(config.registry());
        CacheDirectory directory = CacheDirectory.of(registry);
        // Without a secret file, the secret lives in this process only: its in-process workers share it, no worker process can.
        Optional<ClusterSecret> shared = config.cluster().secretFile().map(ClusterSecret::readFrom);
        ClusterSecret secret = shared.orElseGet(ClusterSecret::generate);
        List<Path> lakeFolders = LocalLakeFolders.of(config);
        PortRange ports = config.cluster().flightPorts();
        this.monostore = new WorkerNode(config.bind(), ports, config.duckDb(), config.arrowBatchRows(),
                stores, storage.cacheDir(), storage.monostoreCacheBytes(), storage.ram(), Optional.of(registry),
                CacheLayer.MONOSTORE_SSD, secret, lakeFolders);
        this.workers = new WorkerPool(registry, WORKER_TTL, Clock.systemUTC());
        for (int i = 0; i < config.workers(); i++) {
            WorkerNode worker = new WorkerNode(config.bind(), ports, config.duckDb().sharedBy(config.workers()), config.arrowBatchRows(),
                    stores, storage.cacheDir(), storage.workerCacheBytes(), RamSettings.NONE, Optional.of(registry), CacheLayer.WORKER_SSD,
                    secret, lakeFolders);
            localWorkers.add(worker);
            workers.addLocal(worker);
        }
        this.clients = new FlightClients(allocator, secret);
        AllowList allowList = new AllowList(config.throughAllow(), this::port);
        this.lambda = config.cluster().lambda().map(settings -> new LambdaTaskInvoker(LambdaDeployment.check(settings, config.registry(), config.handover())));
        // A function answers no stream: with one, every LAMBDA task's output is handed over.
        HandoverSettings handovers = lambda.isPresent() ? config.handover().withMode(HandoverSettings.Mode.HANDOVER) : config.handover();
        Handover handover = new Handover(handovers, registry, stores, workers::sharesRegistry, lambda.map(HandoverRunner.class::cast));
        this.executor = new QueryExecutor(frontEnd, new PhysicalPlanner(costs), monostore, workers, clients, directory, new StatisticsStore(registry), handover,
                allowList, allocator, config.queryTimeout(), config.arrowBatchRows());
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        this.history = new QueryHistory(config.operations().historySize(), config.operations().historyFile().map(QueryHistoryFile::open));
        QueryTracker tracker = new QueryTracker(new ActiveQueries(), new QueryOwners(), history,
                new QueryMetrics(), new QueryLogLine(config.operations().logFormat(), json, System.out));
        Map<String, DuckDbEngine> engines = new LinkedHashMap<>();
        engines.put("monostore", monostore.engine());
        localWorkers.forEach(worker -> engines.put(worker.id(), worker.engine()));
        MetricsResource metrics = new MetricsResource(tracker.metrics(), tracker.active(), workers, allocator, engines);
        Map<String, TableFormat> folderFormats = new LinkedHashMap<>();
        storage.deltaLakes().keySet().forEach(name -> folderFormats.put(name, TableFormat.DELTA));
        storage.hudiLakes().keySet().forEach(name -> folderFormats.put(name, TableFormat.HUDI));
        CatalogTables catalogTables = new CatalogTables(tables, catalogs, storage.databases(), folderFormats, lakeCatalog.defaultSchemaPath());
        this.http = new HttpServer(config, users, tls, executor, workers, monostore, shared, tracker, metrics, catalogTables, directory);
        // Beside the HTTP API: the same address, users and executor.
        this.flightSql = config.http().flightSqlPort() < 0 ? Optional.empty()
                : Optional.of(new FlightSqlService(allocator, config.bind(), config.http().flightSqlPort(),
                        tls.map(pem -> new PemPair(Path.of(config.http().tlsCert()), Path.of(config.http().tlsKey()))), executor, catalogTables,
                        lakeCatalog.defaultSchemaPath(), header -> users.authenticate(header).map(Caller::name),
                        new ListedQueries(tracker), config.queryTimeout()));
    }

    // The configured catalogs, and the local lake's own (where the demo writes its Iceberg copy) unless one is configured by that name.
    private static List<IcebergCatalogConfig> icebergCatalogs(PuffinConfig config) {
        List<IcebergCatalogConfig> catalogs = new ArrayList<>(config.storage().icebergCatalogs());
        boolean named = catalogs.stream().anyMatch(catalog -> catalog.name().equals(DemoLake.CATALOG_NAME));
        if (config.lakeIsLocal() && !named && DemoLake.hasCatalog(Path.of(config.lake()))) {
            catalogs.add(DemoLake.catalogOf(Path.of(config.lake())));
        }
        return catalogs;
    }

    /** Starts everything; the HTTP port is {@link #port()} (useful when the config asks for port 0). */
    public static EmbeddedService start(PuffinConfig config, GenerationProgress progress) {
        return start(config, progress, config.costProfile());
    }

    /** Starts with these cost parameters for any deployment of as many workers (what-if placement, tests). */
    public static EmbeddedService start(PuffinConfig config, GenerationProgress progress, IntFunction<CostParameters> costs) {
        return start(config, progress, CostProfile.byWorkerCount(costs));
    }

    private static EmbeddedService start(PuffinConfig config, GenerationProgress progress, CostProfile costs) {
        EmbeddedService service = new EmbeddedService(config, progress, costs);
        service.http.start();
        service.flightSql.ifPresent(FlightSqlService::start);
        LOG.info("PuffinDB is serving lake {} on {}://{}:{} with {} in-process workers", config.lake(), config.http().scheme(), config.bind(), service.port(),
                service.localWorkers.size());
        return service;
    }

    public int port() {
        return http.port();
    }

    /** The HTTP server, its routes and bound address (for tests). */
    HttpServer http() {
        return http;
    }

    /** The Arrow Flight SQL port (useful when the config asks for port 0); empty when it is turned off. */
    public java.util.OptionalInt flightSqlPort() {
        return flightSql.map(service -> java.util.OptionalInt.of(service.port())).orElse(java.util.OptionalInt.empty());
    }

    public QueryExecutor executor() {
        return executor;
    }

    @Override
    public void close() throws Exception {
        http.stop();
        if (flightSql.isPresent()) {
            flightSql.get().close();
        }
        executor.close();
        for (WorkerNode worker : localWorkers) {
            worker.close();
        }
        for (JdbcCatalog catalog : icebergCatalogs) {
            catalog.close();
        }
        for (JdbcDatabase database : databases) {
            database.close();
        }
        lambda.ifPresent(LambdaTaskInvoker::close);
        try (history; stores; registry; allocator; metadataReader; monostore; clients) {
            // closed in reverse order
        }
    }
}
