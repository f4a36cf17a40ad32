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
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.duckdb.DuckDBConnection;

/**
 * {@code CREATE TABLE name AS <query>} from the CLI: the service runs the query (THROUGH clauses and
 * all) and streams Arrow back; the table is created in the client's own DuckDB, a file in its
 * cache folder, where later local work can use it.
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
                sql.execute(format("CREATE %sTABLE %s AS SELECT * FROM puffindb_answer", statement.getReplace() ? "OR REPLACE " : "", table));
                try (ResultSet count = sql.executeQuery("SELECT count(*) FROM " + table)) {
                    count.next();
                    return count.getLong(1);
                }
            }
        } catch (IOException e) {
            throw new PuffinException(ErrorCode.REMOTE_FAILED, "Cannot read the answer of " + server + ": " + e.getMessage(), e);
        }
    }
}
