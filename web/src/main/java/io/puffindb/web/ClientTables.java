package io.puffindb.web;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.calcite.parser.SqlCreateTableAs;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.SqlLiterals;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.duckdb.DuckDBConnection;

/**
 * {@code CREATE TABLE name AS <query>} from the CLI: the service runs the query (THROUGH clauses and
 * all) and streams Arrow back; the table is created in the client's own DuckDB, a file in its
 * cache folder, where later queries of the same client ({@code --cache DIR}) read it.
 */
final class ClientTables {
    static final String DATABASE_FILE = "client.duckdb";

    private final URI server;
    private final Path cacheFolder;
    private final Duration timeout;
    private final Optional<Credential> credential;
    private final ObjectMapper json = new ObjectMapper();

    ClientTables(String server, Path cacheFolder, Duration timeout, Optional<Credential> credential) {
        this.credential = requireNonNull(credential, "credential is null");
        this.server = URI.create(requireNonNull(server, "server is null").replaceAll("/+$", "") + "/v1/query");
        this.cacheFolder = requireNonNull(cacheFolder, "cacheFolder is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    /** Where the tables live. */
    Path databaseFile() {
        return cacheFolder.resolve(DATABASE_FILE);
    }

    /** Creates the table; answers its row count. */
    long create(SqlCreateTableAs statement) throws Exception {
        String query = statement.query().toSqlString(config -> config.withDialect(PostgresqlSqlDialect.DEFAULT)).getSql();
        HttpRequest request = Credential.authorize(HttpRequest.newBuilder(server), credential)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/vnd.apache.arrow.stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(Map.of("sql", query))))
                .build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        Files.createDirectories(cacheFolder);
        String table = statement.name().names.stream().map(SqlLiterals::identifier).collect(Collectors.joining("."));
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw ErrorResponses.read(json.readTree(body));
            }
            try (BufferAllocator allocator = new RootAllocator();
                    ArrowStreamReader reader = new ArrowStreamReader(body, allocator);
                    ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator);
                    DuckDBConnection duckdb = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + cacheFolder.resolve(DATABASE_FILE));
                    Statement sql = duckdb.createStatement()) {
                Data.exportArrayStream(allocator, reader, stream);
                duckdb.registerArrowStream("puffindb_answer", stream);
                createFromAnswer(sql, statement, table);
                try (ResultSet count = sql.executeQuery("SELECT count(*) FROM " + table)) {
                    count.next();
                    return count.getLong(1);
                }
            }
        } catch (IOException e) {
            throw new PuffinException(ErrorCode.REMOTE_FAILED, "Cannot read the answer of " + server + ": " + e.getMessage(), e);
        }
    }

    private void createFromAnswer(Statement sql, SqlCreateTableAs statement, String table) {
        try {
            sql.execute(format("CREATE %sTABLE %s AS SELECT * FROM puffindb_answer", statement.getReplace() ? "OR REPLACE " : "", table));
        } catch (SQLException e) {
            String hint = e.getMessage().contains("already exists") ? " (CREATE OR REPLACE TABLE replaces it)" : "";
            throw new PuffinException(ErrorCode.BAD_REQUEST, format("Cannot create %s in %s: %s%s", table, databaseFile(), e.getMessage(), hint), e);
        }
    }

    /** The tables this client created, as {@code schema.table} where the schema is not the default one. */
    List<String> names() throws SQLException {
        if (Files.notExists(databaseFile())) {
            return List.of();
        }
        try (Connection duckdb = open(); Statement sql = duckdb.createStatement();
                ResultSet tables = sql.executeQuery("SELECT schema_name, table_name FROM duckdb_tables() ORDER BY ALL")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1).equals("main") ? tables.getString(2) : tables.getString(1) + "." + tables.getString(2));
            }
            return names;
        }
    }

    /**
     * Runs {@code sql} on the client's own tables when it names one of them and the client's DuckDB
     * can bind it there (every table it reads is a client table); otherwise answers empty and the
     * query goes to the service.
     */
    <T> Optional<T> query(String sql, SqlNode parsed, ClientTier.ResultHandler<T> handler) throws Exception {
        List<String> tables = names();
        if (parsed == null || tables.stream().noneMatch(name -> ClientTableReferences.names(parsed, name))) {
            return Optional.empty();
        }
        try (Connection duckdb = open(); PreparedStatement statement = prepared(duckdb, sql)) {
            if (statement == null) {
                return Optional.empty();
            }
            try (ResultSet result = statement.executeQuery()) {
                return Optional.of(handler.read(result));
            }
        }
    }

    // DuckDB binds the tables while preparing: a table it lacks means the query is the service's.
    private static PreparedStatement prepared(Connection duckdb, String sql) {
        try {
            return duckdb.prepareStatement(sql);
        } catch (SQLException e) {
            return null;
        }
    }

    // Read only, and no files beyond its own: the client's tables are all a local query may read.
    private Connection open() throws SQLException {
        Properties settings = new Properties();
        settings.setProperty("duckdb.read_only", "true");
        settings.setProperty("enable_external_access", "false");
        settings.setProperty("autoload_known_extensions", "false");
        return DriverManager.getConnection("jdbc:duckdb:" + databaseFile(), settings);
    }
}
