package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.puffindb.lake.PuffinException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlNode;

/** {@code puffindb query "SQL" [--server URL] [--format table|csv|json|arrow]}: sends the query to a service and prints the answer. */
final class QueryCommand {
    private static final Pattern USE = Pattern.compile("\\s*(?i:use)\\s+(\"(?:[^\"]|\"\")+\"|[^\\s;.\"]+)\\s*(?:;|$)");

    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true)); // DECIMAL 0.10 keeps its scale
    private final PrintStream out;
    private final PrintStream err;
    private final Optional<Credential> credential;
    private final ResultFormat format;
    // The schema a USE chose, sent with every later statement: a script or a shell is one session.
    private Optional<String> schema = Optional.empty();

    QueryCommand(PrintStream out, PrintStream err, Optional<Credential> credential) {
        this(out, err, credential, ResultFormat.TABLE);
    }

    QueryCommand(PrintStream out, PrintStream err, Optional<Credential> credential, ResultFormat format) {
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
        this.credential = requireNonNull(credential, "credential is null");
        this.format = requireNonNull(format, "format is null");
    }

    ResultFormat format() {
        return format;
    }

    /** Runs the query; returns the process exit code (0 on success). */
    int run(String sql, String server, Duration timeout) {
        if (format == ResultFormat.ARROW) {
            return runAsArrow(sql, server, timeout);
        }
        long start = System.nanoTime();
        Reply<HttpResponse<String>> reply = call(server, () -> {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            return client.send(queryRequest(sql, server, timeout).build(), HttpResponse.BodyHandlers.ofString());
        });
        if (reply.exitCode() != 0) {
            return reply.exitCode();
        }
        HttpResponse<String> response = reply.value();
        try {
            JsonNode body = json.readTree(response.body());
            if (response.statusCode() != 200) {
                JsonNode error = body.path("error");
                err.printf("ERROR %s (HTTP %d): %s%n", error.path("code").asText("?"), response.statusCode(), error.path("message").asText(response.body()));
                return 1;
            }
            usedSchema(sql).ifPresent(used -> schema = Optional.of(used));
            printResult(body, (System.nanoTime() - start) / 1_000_000);
            if (body.has("error")) {
                err.printf("ERROR %s after %d rows: %s%n", body.path("error").path("code").asText(), body.path("rows").size(),
                        body.path("error").path("message").asText());
                return 1;
            }
            return 0;
        } catch (IOException e) {
            err.println("Unreadable answer from " + server + " (HTTP " + response.statusCode() + "): " + e.getMessage());
            return 1;
        }
    }

    // The service's Arrow IPC stream goes to standard output byte for byte, as it arrives: no row is turned into text and back.
    private int runAsArrow(String sql, String server, Duration timeout) {
        Reply<HttpResponse<InputStream>> reply = call(server, () -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(
                queryRequest(sql, server, timeout).header("Accept", QueryResource.ARROW_STREAM).build(), HttpResponse.BodyHandlers.ofInputStream()));
        if (reply.exitCode() != 0) {
            return reply.exitCode();
        }
        HttpResponse<InputStream> response = reply.value();
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                JsonNode error = json.readTree(body).path("error");
                err.printf("ERROR %s (HTTP %d): %s%n", error.path("code").asText("?"), response.statusCode(), error.path("message").asText());
                return 1;
            }
            body.transferTo(out);
            out.flush();
            return 0;
        } catch (IOException e) {
            err.println("The answer from " + server + " broke off: " + e.getMessage());
            return 1;
        }
    }

    private HttpRequest.Builder queryRequest(String sql, String server, Duration timeout) throws IOException {
        return Credential.authorize(HttpRequest.newBuilder(URI.create(server.replaceAll("/+$", "") + "/v1/query")), credential)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(schema.isEmpty() ? Map.of("sql", sql)
                        : Map.of("sql", sql, "schema", schema.get()))));
    }

    // The schema a statement that starts with USE chose (the service checked that it exists).
    private static Optional<String> usedSchema(String sql) {
        Matcher use = USE.matcher(sql);
        if (!use.lookingAt()) {
            return Optional.empty();
        }
        String name = use.group(1);
        return Optional.of(name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name);
    }

    /**
     * Prints the tables SQL can name on the service (schema, name), or with {@code table} (its name, or
     * schema.name) that table's columns; returns the exit code.
     */
    int tables(String server, Duration timeout, Optional<String> table) {
        Reply<HttpResponse<String>> reply = call(server, () -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(
                Credential.authorize(HttpRequest.newBuilder(URI.create(server.replaceAll("/+$", "") + "/v1/tables")), credential).timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofString()));
        if (reply.exitCode() != 0) {
            return reply.exitCode();
        }
        try {
            JsonNode body = json.readTree(reply.value().body());
            if (reply.value().statusCode() != 200) {
                err.printf("ERROR %s (HTTP %d): %s%n", body.path("error").path("code").asText("?"), reply.value().statusCode(),
                        body.path("error").path("message").asText());
                return 1;
            }
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode listed : body.path("tables")) {
                String schema = (listed.path("catalog").isNull() ? "" : listed.path("catalog").asText() + ".") + listed.path("schema").asText();
                String name = listed.path("name").asText();
                if (table.isEmpty()) {
                    rows.add(List.of(schema, name));
                } else if (table.get().equalsIgnoreCase(name) || table.get().equalsIgnoreCase(schema + "." + name)) {
                    listed.path("columns").forEach(column -> rows.add(List.of(column.path("name").asText(), column.path("type").asText())));
                    break;
                }
            }
            if (table.isPresent() && rows.isEmpty()) {
                err.println("ERROR TABLE_NOT_FOUND: no table " + table.get());
                return 1;
            }
            ResultWriter.write(format, out, table.isEmpty() ? List.of("schema", "name") : List.of("column_name", "column_type"),
                    List.of("VARCHAR", "VARCHAR"), rows);
            return 0;
        } catch (IOException e) {
            err.println("Unreadable answer from " + server + ": " + e.getMessage());
            return 1;
        }
    }

    /**
     * With a client cache ({@code --cache DIR}): runs the query on the CLIENT tier when the service's
     * plan for this client allows it, else on the service, and then copies what it read into the
     * client's cache.
     */
    int run(String sql, ClientTier client, String server, Duration timeout) {
        long start = System.nanoTime();
        Reply<ClientTier.Plan> planned;
        try {
            planned = call(server, () -> client.plan(sql));
        } catch (PuffinException e) {
            err.printf("ERROR %s: %s%n", e.code(), e.getMessage());
            return 1;
        }
        if (planned.exitCode() != 0) {
            return planned.exitCode();
        }
        ClientTier.Plan plan = planned.value();
        if (plan.clientSql().isPresent()) {
            try {
                client.runLocally(plan, result -> printResultSet(result, start, plan));
                promoteInto(client, plan);
                return 0;
            } catch (Exception e) {
                err.println("ERROR " + (e instanceof PuffinException puffin ? puffin.code() + ": " : "") + e.getMessage());
                return 1;
            }
        }
        int code = run(sql, server, timeout);
        if (code == 0) {
            promoteInto(client, plan);
        }
        return code;
    }

    // After the answer is printed, so the copy never delays it.
    private void promoteInto(ClientTier client, ClientTier.Plan plan) {
        try {
            ClientTier.Promoted promoted = client.promote(plan, err);
            if (promoted.fromService() > 0) {
                err.printf("copied %d file%s into the client cache; the next run may stay on this machine%n", promoted.fromService(),
                        promoted.fromService() == 1 ? "" : "s");
            }
            if (promoted.intoRam() > 0) {
                err.printf("holding %d file%s in the client's RAM layer%n", promoted.intoRam(), promoted.intoRam() == 1 ? "" : "s");
            }
        } catch (IOException | RuntimeException e) {
            err.println("Could not copy files into the client cache: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A call to the service. */
    @FunctionalInterface
    private interface ServiceCall<T> {
        T call() throws IOException, InterruptedException;
    }

    /** What a call answered, or the exit code when the service could not be reached (2) or the wait was interrupted (130). */
    private record Reply<T>(T value, int exitCode) {
    }

    private <T> Reply<T> call(String server, ServiceCall<T> call) {
        try {
            return new Reply<>(call.call(), 0);
        } catch (IOException e) {
            err.println("Cannot reach PuffinDB at " + server + ": " + e);
            return new Reply<>(null, 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply<>(null, 130);
        }
    }

    private Void printResultSet(ResultSet result, long start, ClientTier.Plan plan) throws SQLException {
        int rows = printRows(result);
        if (format != ResultFormat.TABLE) {
            return null;
        }
        int files = plan.filesCachedHere();
        int inputs = plan.inputs().size();
        out.printf("%,d row%s in %d ms on the client, from %d cached file%s%s%n", rows, rows == 1 ? "" : "s",
                (System.nanoTime() - start) / 1_000_000, files, files == 1 ? "" : "s",
                inputs == 0 ? "" : " and " + inputs + " part" + (inputs == 1 ? "" : "s") + " run by the service");
        return null;
    }

    /**
     * Runs a query over the tables this client created itself, when it reads only those (see
     * {@link ClientTables#query}); empty when it is the service's to run.
     */
    Optional<Integer> runOnClientTables(String sql, SqlNode parsed, ClientTables tables) {
        long start = System.nanoTime();
        try {
            return tables.query(sql, parsed, result -> {
                int rows = printRows(result);
                if (format == ResultFormat.TABLE) {
                    out.printf("%,d row%s in %d ms on the client, from its tables in %s%n", rows, rows == 1 ? "" : "s",
                            (System.nanoTime() - start) / 1_000_000, tables.databaseFile());
                }
                return 0;
            });
        } catch (Exception e) {
            err.println("ERROR QUERY_FAILED: the client's DuckDB failed: " + e.getMessage());
            return Optional.of(1);
        }
    }

    private int printRows(ResultSet result) throws SQLException {
        if (format == ResultFormat.ARROW) {
            return ArrowAnswer.write(result, out);
        }
        ResultSetMetaData columns = result.getMetaData();
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            names.add(columns.getColumnName(i));
            types.add(columns.getColumnTypeName(i));
        }
        List<List<String>> rows = new ArrayList<>();
        while (result.next()) {
            List<String> cells = new ArrayList<>();
            for (int i = 1; i <= names.size(); i++) {
                Object value = result.getObject(i);
                cells.add(value == null ? null : DuckDbText.of(value));
            }
            rows.add(cells);
        }
        ResultWriter.write(format, out, names, types, rows);
        return rows.size();
    }

    private void printResult(JsonNode body, long elapsedMs) {
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        body.path("columns").forEach(column -> {
            names.add(column.path("name").asText());
            types.add(column.path("type").asText());
        });
        List<List<String>> rows = new ArrayList<>();
        body.path("rows").forEach(row -> {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                cells.add(row.get(i).isNull() ? null : DuckDbText.of(row.get(i), types.get(i)));
            }
            rows.add(cells);
        });
        ResultWriter.write(format, out, names, types, rows);
        if (format != ResultFormat.TABLE) {
            return;
        }
        long count = body.path("stats").path("rows").asLong(rows.size());
        out.printf("%,d row%s in %d ms (planning %d ms)%n", count, count == 1 ? "" : "s", elapsedMs, body.path("stats").path("planMs").asLong());
    }
}
