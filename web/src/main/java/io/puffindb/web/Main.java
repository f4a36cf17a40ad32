package io.puffindb.web;

import io.puffindb.calcite.parser.PuffinParserConfig;
import io.puffindb.calcite.parser.SqlCreateTableAs;
import io.puffindb.executors.cache.RamSettings;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.cache.CacheListener;
import io.puffindb.lake.cache.RamLayer;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** The {@code puffindb} command line: {@code serve} and {@code query}. */
public final class Main {
    private static final String USAGE = """
            usage:
              puffindb serve [--port 8080] [--flight-sql-port 31337] [--bind 127.0.0.1] [--auth-token-file FILE] [--tls-cert PEM --tls-key PEM]
                             [--lake DIR] [--sf 0.01] [--workers 2] [--config FILE] [--cluster-secret-file FILE]
                             [--log-format text|json] [--query-history 1000] [--query-history-file FILE]
                  the embedded default: HTTP service, Arrow Flight SQL (JDBC, ADBC; -1: off), MONOSTORE DuckDB, and a demo lake when DIR is empty (TPC-H, misc.*);
                  it listens on loopback only unless --bind ADDR, which needs users (PUFFINDB_AUTH_TOKEN or --auth-token-file);
                  worker processes may join only when it has a cluster secret file; GET /metrics (Prometheus text) and
                  GET /v1/queries?state=finished (the last --query-history queries, kept across restarts in a DuckDB FILE) for the operator; with --log-format json,
                  one JSON line per ended query on standard output
              puffindb query ["SQL" | -f FILE] [--format table|csv|json|arrow] [--server http://localhost:8080] [--cache DIR [--client-cache-bytes 2147483648]]
                  runs SQL on a running service and prints the result table (CSV, JSON, or its Arrow IPC stream); without SQL or -f, runs the
                  statements on standard input, each ended by ';', stopping at the first error, or at a terminal opens a
                  shell (statements over several lines ended by ';', .tables or \\d, \\d TABLE, .timer on|off, .help, .quit); with --cache, the client keeps
                  copies of the lake files queries read (DIR/files) and runs a query itself when they suffice;
                  CREATE TABLE t AS <query> --cache DIR creates t in the client's own DuckDB (DIR/client.duckdb),
                  which later queries with --cache DIR read (a query that reads only client tables runs there)
              puffindb worker --coordinator http://host:8080 --cluster-secret-file FILE [--lake DIR] [--worker-port 0] [--worker-host 127.0.0.1]
                  a LAMBDA worker process that joins a service (its own DuckDB and Arrow Flight server), sharing
                  its cluster secret; DIR: the service's local lake folder, when it has one
              puffindb regress [--server http://localhost:8080] [--dataset NAME]... [--json FILE]
                  (the launcher runs it from test-queries) the regression suite against a running service;
                  it names the datasets the service lacks before running any case
            every setting can also come from the environment (PUFFINDB_PORT, ...) or puffindb.properties;
            the CLI sends the token in PUFFINDB_AUTH_TOKEN ([user:]token) to a service that needs one;
            puffindb --version prints this build's version and its DuckDB's, Calcite's and Arrow's""";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(Arrays.asList(args)));
    }

    static int run(List<String> args) throws Exception {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
            System.out.println(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        if (args.get(0).equals("--version") || args.get(0).equals("version")) {
            System.out.println(BuildVersion.describe());
            return 0;
        }
        List<String> positional = new ArrayList<>();
        try {
            // The query command's own options (SQL file, output format) are no settings of the service.
            QueryInput input = QueryInput.take(args.subList(1, args.size()));
            List<String> settings = args.get(0).equals("query") ? input.rest() : args.subList(1, args.size());
            Map<String, String> options = ConfigLoader.options(settings, positional);
            PuffinConfig config = ConfigLoader.load(options, System.getenv());
            boolean shell = args.get(0).equals("query") && positional.isEmpty() && input.file().isEmpty() && System.console() != null;
            if (shell && input.format() == ResultFormat.ARROW) {
                throw new PuffinException(ErrorCode.BAD_REQUEST, "--format arrow writes a binary stream: give the SQL (or -f FILE) and redirect the output");
            }
            // One session for all the statements of a shell or a script: a USE holds for the ones after it.
            QueryCommand session = new QueryCommand(System.out, System.err, config.http().credential(), input.format());
            return switch (args.get(0)) {
                case "serve" -> serve(config);
                case "query" -> shell ? shell(config, session, options.containsKey("cache"))
                        : query(config, session, statements(positional, input), options.containsKey("cache"));
                case "worker" -> worker(config);
                default -> {
                    System.err.println("Unknown command '" + args.get(0) + "'\n" + USAGE);
                    yield 2;
                }
            };
        } catch (PuffinException e) {
            System.err.println("ERROR " + e.code() + ": " + e.getMessage());
            return 2;
        }
    }

    // At a terminal: its history in ~/.puffindb_history, as DuckDB's CLI keeps ~/.duckdb_history.
    private static int shell(PuffinConfig config, QueryCommand session, boolean clientTier) throws Exception {
        try (TerminalLines lines = TerminalLines.open(Path.of(System.getProperty("user.home"), ".puffindb_history"))) {
            return new InteractiveShell(lines, System.out, sql -> query(config, session, sql, clientTier),
                    table -> session.tables(config.server(), config.queryTimeout(), table)).run();
        }
    }

    private static int serve(PuffinConfig config) throws Exception {
        EmbeddedService service = EmbeddedService.start(config, new ProgressBar(System.out));
        System.out.printf("PuffinDB ready on %s://%s:%d  (try: ./puffindb query \"SELECT count(*) FROM lineitem\")%n", config.http().scheme(), config.bind(),
                service.port());
        service.flightSqlPort().ifPresent(port -> System.out.printf("Arrow Flight SQL on jdbc:arrow-flight-sql://%s:%d?useEncryption=%s%n", config.bind(), port,
                config.http().scheme().equals("https")));
        return runUntilStopped(service);
    }

    private static int worker(PuffinConfig config) throws Exception {
        WorkerCommand worker = new WorkerCommand(config);
        worker.start();
        System.out.println("PuffinDB worker ready at " + worker.location() + ", joined " + config.coordinator());
        return runUntilStopped(worker);
    }

    // Runs until the process is asked to stop (Ctrl+C, SIGTERM), then closes what it started.
    private static int runUntilStopped(AutoCloseable running) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                System.err.println("Error while stopping: " + e);
            }
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }

    // The statements to run: those of -f FILE, else the one SQL argument, else those read from standard input (not a terminal: that gets the shell).
    private static List<String> statements(List<String> positional, QueryInput input) throws IOException {
        if (positional.size() > 1 || positional.size() == 1 && input.file().isPresent()) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, "query takes one SQL argument, or -f FILE, or SQL on standard input");
        }
        if (input.file().isPresent()) {
            try {
                return SqlScript.statements(Files.readString(input.file().get()));
            } catch (IOException e) {
                throw new PuffinException(ErrorCode.BAD_REQUEST, "Cannot read the SQL file " + input.file().get() + ": " + e, e);
            }
        }
        if (positional.size() == 1) {
            return List.of(positional.get(0));
        }
        return SqlScript.statements(new String(System.in.readAllBytes(), StandardCharsets.UTF_8));
    }

    // Runs the statements in order, stopping at the first that fails (its exit code is the command's).
    private static int query(PuffinConfig config, QueryCommand session, List<String> statements, boolean clientTier) throws Exception {
        if (session.format() == ResultFormat.ARROW && statements.size() > 1) {
            // Streams written one after the other would read back as the first alone.
            throw new PuffinException(ErrorCode.BAD_REQUEST, "--format arrow writes one answer: give one statement, not " + statements.size());
        }
        for (String sql : statements) {
            int code = query(config, session, sql, clientTier);
            if (code != 0) {
                return code;
            }
        }
        return 0;
    }

    // With --cache DIR given, the CLI is a CLIENT tier: it runs what its cached files allow itself.
    private static int query(PuffinConfig config, QueryCommand command, String sql, boolean clientTier) throws Exception {
        SqlNode statement = parseForClient(sql);
        if (statement instanceof SqlCreateTableAs create) {
            if (!clientTier) {
                // The table lives in a client folder the user chose, never in one we pick unannounced.
                System.err.println("CREATE TABLE ... AS creates the table in the client's own DuckDB: give --cache DIR, the folder it lives in"
                        + " (DIR/" + ClientTables.DATABASE_FILE + "); later queries with the same --cache DIR read it");
                return 2;
            }
            ClientTables tables = new ClientTables(config.server(), config.client().folder(), config.queryTimeout(), config.http().credential());
            try {
                long rows = tables.create(create);
                System.out.printf("Created table %s with %,d rows in %s (client tables: %s)%n", create.name(), rows, tables.databaseFile(),
                        String.join(", ", tables.names()));
                return 0;
            } catch (PuffinException e) {
                System.err.printf("ERROR %s: %s%n", e.code(), e.getMessage());
                return 1;
            }
        }
        if (clientTier) {
            ClientConfig client = config.client();
            Optional<Integer> onClientTables = command.runOnClientTables(sql, statement,
                    new ClientTables(config.server(), client.folder(), config.queryTimeout(), config.http().credential()));
            if (onClientTables.isPresent()) {
                return onClientTables.get();
            }
            Path files = client.folder().resolve("files");
            RamSettings settings = config.storage().ram();
            RamLayer ram = new RamLayer(ClientCache.ramFolderFor(files, settings.dir()), client.ramBytes(), settings.compression(), CacheListener.NONE);
            ClientCache cache = new ClientCache(files, client.ssdBytes(), ram);
            return command.run(sql, new ClientTier(config.server(), cache, config.queryTimeout(), config.http().credential()), config.server(), config.queryTimeout());
        }
        return command.run(sql, config.server(), config.queryTimeout());
    }

    // Statements the client runs itself (CREATE TABLE ... AS) are told apart here; queries go to the service as written.
    private static SqlNode parseForClient(String sql) {
        try {
            return SqlParser.create(sql, PuffinParserConfig.config()).parseStmt();
        } catch (SqlParseException e) {
            return null; // the service reports the syntax error, with line and column
        }
    }
}
