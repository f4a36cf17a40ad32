package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.LakeCatalog;
import io.puffindb.calcite.SqlFrontEnd;
import io.puffindb.executors.DuckDbEngine;
import io.puffindb.executors.DuckDbRunner;
import io.puffindb.executors.QueryExecutor;
import io.puffindb.lake.FileMetadataReader;
import io.puffindb.lake.FolderLake;
import io.puffindb.lake.demo.GenerationProgress;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default, in one JVM: a lake folder (TPC-H when it starts empty), the MONOSTORE
 * DuckDB, the query executor and the HTTP service in front of them. Built once in {@code main}.
 */
public final class EmbeddedService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedService.class);

    private final BufferAllocator allocator;
    private final FileMetadataReader metadataReader;
    private final DuckDbEngine monostore;
    private final QueryExecutor executor;
    private final HttpServer http;

    private EmbeddedService(PuffinConfig config, GenerationProgress progress) {
        requireNonNull(config, "config is null");
        DemoLake.ensure(config.lake(), config.scaleFactor(), progress);
        this.allocator = new RootAllocator();
        this.metadataReader = new FileMetadataReader();
        FolderLake lake = new FolderLake(config.lake(), metadataReader);
        SqlFrontEnd frontEnd = new SqlFrontEnd(new LakeCatalog(lake, config.defaultSchema()), SqlFrontEnd.defaultParserConfig());
        this.monostore = new DuckDbEngine(config.duckDbThreads(), config.duckDbMemoryLimit());
        this.executor = new QueryExecutor(frontEnd, new DuckDbRunner(monostore, config.arrowBatchRows()), config.queryTimeout());
        this.http = new HttpServer(config, executor, allocator);
    }

    /** Starts everything; the HTTP port is {@link #port()} (useful when the config asks for port 0). */
    public static EmbeddedService start(PuffinConfig config, GenerationProgress progress) {
        EmbeddedService service = new EmbeddedService(config, progress);
        service.http.start();
        LOG.info("PuffinDB is serving lake {} on http://localhost:{}", config.lake().toAbsolutePath(), service.port());
        return service;
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() throws Exception {
        try (allocator; metadataReader; monostore; executor) {
            http.stop();
        }
    }
}
