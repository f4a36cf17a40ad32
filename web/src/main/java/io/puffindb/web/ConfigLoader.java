package io.puffindb.web;

import static java.lang.String.format;

import io.puffindb.calcite.jdbc.JdbcDatabase;
import io.puffindb.cost.CostOverrides;
import io.puffindb.cost.DeploymentCosts;
import io.puffindb.executors.EngineLimits;
import io.puffindb.executors.cache.RamSettings;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.cache.RamCompression;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.store.S3Settings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import io.puffindb.executors.HandoverSettings;
import io.puffindb.executors.flight.PortRange;
import io.puffindb.lambda.LambdaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@link PuffinConfig}: a setting {@code query.timeout} comes from the flag
 * {@code --query.timeout} (or {@code --query-timeout}), else the environment variable
 * {@code PUFFINDB_QUERY_TIMEOUT}, else the properties file ({@code --config FILE}, or
 * {@code puffindb.properties} in the working folder), else its default.
 */
public final class ConfigLoader {
    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("port", "8080"),
            Map.entry("bind", "127.0.0.1"),
            Map.entry("auth.token", ""),
            Map.entry("auth.token.file", ""),
            Map.entry("allowed.hosts", ""),
            Map.entry("cors.origins", ""),
            Map.entry("tls.cert", ""),
            Map.entry("tls.key", ""),
            Map.entry("flight.sql.port", "31337"),
            Map.entry("log.format", "text"),
            Map.entry("query.history", "1000"),
            Map.entry("query.history.file", ""),
            Map.entry("lake", "lake"),
            Map.entry("sf", "0.01"),
            Map.entry("default.schema", "tpch"),
            Map.entry("query.timeout", "PT5M"),
            Map.entry("max.request.bytes", String.valueOf(1024 * 1024)),
            Map.entry("duckdb.threads", String.valueOf(Runtime.getRuntime().availableProcessors())),
            Map.entry("duckdb.memory", "4GB"),
            // Each engine's spill space: a bound, so that a runaway query fails clearly before the disk is full.
            Map.entry("duckdb.max.temp", "20GB"),
            Map.entry("arrow.batch.rows", "65536"),
            Map.entry("server", "http://localhost:8080"),
            Map.entry("workers", "2"),
            Map.entry("coordinator", "http://localhost:8080"),
            Map.entry("worker.host", "127.0.0.1"),
            Map.entry("worker.port", "0"),
            Map.entry("through.allow", ""),
            Map.entry("cache", ClientConfig.defaults().folder().toString()),
            Map.entry("registry", "memory"),
            Map.entry("s3.endpoint", ""),
            Map.entry("s3.region", "us-east-1"),
            Map.entry("s3.path.style", "false"),
            Map.entry("s3.access.key", ""),
            Map.entry("s3.secret.key", ""),
            Map.entry("cache.dir", StorageConfig.defaults().cacheDir().toString()),
            Map.entry("cache.worker.bytes", String.valueOf(StorageConfig.defaults().workerCacheBytes())),
            Map.entry("cache.monostore.bytes", String.valueOf(StorageConfig.defaults().monostoreCacheBytes())),
            Map.entry("cache.ram.dir", RamSettings.defaults().dir().toString()),
            Map.entry("cache.monostore.ram.bytes", String.valueOf(RamSettings.defaults().monostoreBytes())),
            Map.entry("cache.ram.compression", RamSettings.defaults().compression().configName()),
            Map.entry("cache.ram.form", RamSettings.defaults().form().configName()),
            Map.entry("handover.mode", "auto"),
            Map.entry("handover.small.result.bytes", String.valueOf(1L << 20)),
            Map.entry("handover.spill", ""),
            Map.entry("handover.result.ttl", "PT10M"),
            Map.entry("handover.max.spill.bytes", String.valueOf(HandoverSettings.DEFAULT_MAX_SPILL_BYTES)),
            Map.entry("client.cache.bytes", String.valueOf(ClientConfig.defaults().ssdBytes())),
            Map.entry("client.cache.ram.bytes", String.valueOf(ClientConfig.defaults().ramBytes())),
            Map.entry("cluster.secret.file", ""),
            Map.entry("flight.port.range", "0"),
            // auto: shared-host costs while every worker is in-process, fleet costs once worker processes join.
            Map.entry("cost.profile", "auto"),
            // Empty: the profile's own value.
            Map.entry("cost.monostore.threads", ""),
            Map.entry("cost.lambda.threads.per.worker", ""),
            Map.entry("cost.lake.bytes.per.second", ""),
            Map.entry("cost.rows.per.second.per.thread", ""),
            Map.entry("cost.link.bytes.per.second", ""),
            Map.entry("cost.task.startup.seconds", ""),
            Map.entry("cost.exchange.latency.seconds", ""),
            Map.entry("cost.splits.per.task", ""),
            // Empty: LAMBDA tasks run on the workers. Else the function's name or ARN, invoked once per task.
            Map.entry("lambda.function", ""),
            // Empty: AWS's endpoint for the region.
            Map.entry("lambda.endpoint", ""),
            Map.entry("lambda.region", "us-east-1"),
            Map.entry("lambda.concurrency", "64"),
            Map.entry("lambda.attempts", "3"),
            // Lambda's own limit on an invocation.
            Map.entry("lambda.timeout", "PT15M"));

    private static final Pattern ICEBERG_KEY = Pattern.compile("iceberg\\.([a-z0-9_]+)\\.(uri|warehouse)");
    private static final Pattern DELTA_KEY = Pattern.compile("delta\\.([a-z0-9_]+)\\.path");
    private static final Pattern HUDI_KEY = Pattern.compile("hudi\\.([a-z0-9_]+)\\.path");
    private static final Pattern JDBC_KEY = Pattern.compile("jdbc\\.([a-z0-9_]+)\\.(url|user|password)");

    private final Map<String, String> flags;
    private final Map<String, String> environment;
    private final Properties file;

    private ConfigLoader(Map<String, String> flags, Map<String, String> environment, Properties file) {
        this.flags = flags;
        this.environment = environment;
        this.file = file;
    }

    /** Reads the settings among {@code options} (already split off the command's own arguments). */
    public static PuffinConfig load(Map<String, String> options, Map<String, String> environment) {
        Map<String, String> flags = new HashMap<>();
        options.forEach((name, value) -> flags.put(canonical(name), value));
        for (String name : flags.keySet()) {
            if (!DEFAULTS.containsKey(name) && !name.equals("config") && !isNamedSetting(name)) {
                throw new PuffinException(ErrorCode.BAD_REQUEST, format("Unknown option --%s; known: %s", name, DEFAULTS.keySet()));
            }
        }
        flags.keySet().stream().filter(name -> name.startsWith("jdbc.") && name.endsWith(".password")).findFirst().ifPresent(name -> {
            throw new PuffinException(ErrorCode.BAD_REQUEST, format("Give --%s in the config file or PUFFINDB_%s, not as a flag: "
                    + "every user of the machine can read a command line", name, name.replace('.', '_').toUpperCase(Locale.ROOT)));
        });
        if (flags.containsKey("auth.token")) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, "Give the token in PUFFINDB_AUTH_TOKEN or a file (--auth-token-file), "
                    + "not as a flag: every user of the machine can read a command line");
        }
        Path configFile = Path.of(flags.getOrDefault("config", environment.getOrDefault("PUFFINDB_CONFIG", "puffindb.properties")));
        return new ConfigLoader(flags, environment, readProperties(configFile, flags.containsKey("config"))).build();
    }

    /** Splits {@code --name value} and {@code --name=value} options from the positional arguments. */
    public static Map<String, String> options(List<String> arguments, List<String> positional, Set<String> switches) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--")) {
                positional.add(argument);
                continue;
            }
            String name = argument.substring(2);
            int equals = name.indexOf('=');
            if (equals >= 0) {
                options.put(name.substring(0, equals), name.substring(equals + 1));
            } else if (switches.contains(name)) {
                options.put(name, "true");
            } else if (i + 1 < arguments.size()) {
                options.put(name, arguments.get(++i));
            } else {
                throw new PuffinException(ErrorCode.BAD_REQUEST, format("Option --%s needs a value", name));
            }
        }
        return options;
    }

    /** Convenience for callers with no switches. */
    public static Map<String, String> options(List<String> arguments, List<String> positional) {
        return options(arguments, positional, Set.of());
    }

    private PuffinConfig build() {
        try {
            return new PuffinConfig(
                    Integer.parseInt(get("port")),
                    get("lake"),
                    Double.parseDouble(get("sf")),
                    get("default.schema"),
                    Duration.parse(get("query.timeout")),
                    Long.parseLong(get("max.request.bytes")),
                    new EngineLimits(Integer.parseInt(get("duckdb.threads")), get("duckdb.memory"), get("duckdb.max.temp")),
                    Integer.parseInt(get("arrow.batch.rows")),
                    get("server"),
                    Integer.parseInt(get("workers")),
                    get("coordinator"),
                    get("worker.host"),
                    Integer.parseInt(get("worker.port")),
                    List.of(get("through.allow").split(",")),
                    new ClientConfig(Path.of(get("cache")), Long.parseLong(get("client.cache.bytes")), Long.parseLong(get("client.cache.ram.bytes"))),
                    get("registry"),
                    new StorageConfig(
                            new S3Settings(Optional.of(get("s3.endpoint")), get("s3.region"), Boolean.parseBoolean(get("s3.path.style")),
                                    Optional.of(get("s3.access.key")), Optional.of(get("s3.secret.key"))),
                            Path.of(get("cache.dir")),
                            Long.parseLong(get("cache.worker.bytes")),
                            Long.parseLong(get("cache.monostore.bytes")),
                            icebergCatalogs(),
                            lakePaths(DELTA_KEY),
                            lakePaths(HUDI_KEY),
                            databases(),
                            new RamSettings(RamSettings.Form.parse(get("cache.ram.form")), Path.of(get("cache.ram.dir")),
                                    Long.parseLong(get("cache.monostore.ram.bytes")), RamCompression.parse(get("cache.ram.compression")))),
                    new HandoverSettings(
                            HandoverSettings.Mode.valueOf(get("handover.mode").toUpperCase(java.util.Locale.ROOT)),
                            Long.parseLong(get("handover.small.result.bytes")),
                            // Spills go beside the caches unless a shared location (e.g. s3://bucket/spill) is set.
                            get("handover.spill").isEmpty() ? Path.of(get("cache.dir")).resolve("spill").toString() : get("handover.spill"),
                            Duration.parse(get("handover.result.ttl")),
                            Long.parseLong(get("handover.max.spill.bytes"))),
                    new HttpSettings(get("bind"), get("auth.token"), get("auth.token.file"), list(get("allowed.hosts")), list(get("cors.origins")),
                            get("tls.cert"), get("tls.key"), Integer.parseInt(get("flight.sql.port"))),
                    new ClusterConfig(get("cluster.secret.file").isEmpty() ? Optional.empty() : Optional.of(Path.of(get("cluster.secret.file"))),
                            PortRange.parse(get("flight.port.range")), DeploymentCosts.Shape.parse(get("cost.profile")), costOverrides(), lambda()),
                    new OperationsConfig(OperationsConfig.LogFormat.parse(get("log.format")), Integer.parseInt(get("query.history")),
                            get("query.history.file").isEmpty() ? Optional.empty() : Optional.of(Path.of(get("query.history.file")))));
        } catch (RuntimeException e) {
            if (e instanceof PuffinException) {
                throw e;
            }
            throw new PuffinException(ErrorCode.BAD_REQUEST, "Invalid setting: " + e.getMessage(), e);
        }
    }

    private Optional<LambdaSettings> lambda() {
        if (get("lambda.function").isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new LambdaSettings(get("lambda.function"), Optional.of(get("lambda.endpoint")), get("lambda.region"),
                Integer.parseInt(get("lambda.concurrency")), Integer.parseInt(get("lambda.attempts")), Duration.parse(get("lambda.timeout"))));
    }

    private CostOverrides costOverrides() {
        return new CostOverrides(optionalInt("cost.monostore.threads"), optionalInt("cost.lambda.threads.per.worker"),
                optionalDouble("cost.lake.bytes.per.second"), optionalDouble("cost.rows.per.second.per.thread"),
                optionalDouble("cost.link.bytes.per.second"), optionalDouble("cost.task.startup.seconds"),
                optionalDouble("cost.exchange.latency.seconds"), optionalInt("cost.splits.per.task"));
    }

    // A positive number, or empty when the setting is empty.
    private OptionalInt optionalInt(String name) {
        String value = get(name).trim();
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        int parsed = Integer.parseInt(value);
        if (parsed < 1) {
            throw new IllegalArgumentException(format("%s must be at least 1, got %s", name, value));
        }
        return OptionalInt.of(parsed);
    }

    private OptionalDouble optionalDouble(String name) {
        String value = get(name).trim();
        if (value.isEmpty()) {
            return OptionalDouble.empty();
        }
        double parsed = Double.parseDouble(value);
        if (!(parsed > 0) || Double.isInfinite(parsed)) {
            throw new IllegalArgumentException(format("%s must be a positive number, got %s", name, value));
        }
        return OptionalDouble.of(parsed);
    }

    // A comma-separated list; empty: none.
    private static List<String> list(String value) {
        return java.util.Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    // A setting whose key carries a catalog name of the user's.
    private static boolean isNamedSetting(String key) {
        return ICEBERG_KEY.matcher(key).matches() || DELTA_KEY.matcher(key).matches() || HUDI_KEY.matcher(key).matches()
                || JDBC_KEY.matcher(key).matches();
    }

    // Settings named by the user (catalog names), from the file and flags: flags win.
    private Map<String, String> declaredByName() {
        Map<String, String> declared = new HashMap<>();
        file.stringPropertyNames().forEach(name -> declared.put(name, file.getProperty(name)));
        declared.putAll(flags);
        return declared;
    }

    // delta.<name>.path or hudi.<name>.path: a folder of such tables, appearing as schema <name>.
    private Map<String, String> lakePaths(Pattern key) {
        Map<String, String> lakes = new TreeMap<>();
        declaredByName().forEach((name, value) -> {
            Matcher matcher = key.matcher(name);
            if (matcher.matches()) {
                lakes.put(matcher.group(1), value);
            }
        });
        return lakes;
    }

    // <kind>.<name>.<setting> keys from flags or the file, by the user's name, then by setting.
    private Map<String, Map<String, String>> settingsByName(Pattern key) {
        Map<String, Map<String, String>> byName = new TreeMap<>();
        declaredByName().forEach((name, value) -> {
            Matcher matcher = key.matcher(name);
            if (matcher.matches()) {
                byName.computeIfAbsent(matcher.group(1), user -> new HashMap<>()).put(matcher.group(2), value);
            }
        });
        return byName;
    }

    // iceberg.<name>.uri and iceberg.<name>.warehouse, from flags or the file (names are the user's own).
    private List<IcebergCatalogConfig> icebergCatalogs() {
        Map<String, Map<String, String>> byName = settingsByName(ICEBERG_KEY);
        List<IcebergCatalogConfig> catalogs = new ArrayList<>();
        byName.forEach((name, settings) -> {
            if (!settings.containsKey("uri") || !settings.containsKey("warehouse")) {
                throw new PuffinException(ErrorCode.BAD_REQUEST, format("Iceberg catalog %s needs both iceberg.%s.uri and iceberg.%s.warehouse", name, name, name));
            }
            catalogs.add(new IcebergCatalogConfig(name, settings.get("uri"), settings.get("warehouse")));
        });
        return catalogs;
    }

    // jdbc.<name>.url (and .user, .password) from flags or the file; the password also from PUFFINDB_JDBC_<NAME>_PASSWORD.
    private List<JdbcDatabase> databases() {
        Map<String, Map<String, String>> byName = settingsByName(JDBC_KEY);
        List<JdbcDatabase> databases = new ArrayList<>();
        byName.forEach((name, settings) -> {
            if (!settings.containsKey("url")) {
                throw new PuffinException(ErrorCode.BAD_REQUEST, format("Database %s needs jdbc.%s.url", name, name));
            }
            Optional<String> password = Optional.ofNullable(settings.get("password"))
                    .or(() -> Optional.ofNullable(environment.get("PUFFINDB_JDBC_" + name.toUpperCase(Locale.ROOT) + "_PASSWORD")));
            databases.add(new JdbcDatabase(name, settings.get("url"), Optional.ofNullable(settings.get("user")), password));
        });
        return databases;
    }

    private String get(String name) {
        String value = flags.get(name);
        if (value == null) {
            value = environment.get("PUFFINDB_" + name.replace('.', '_').toUpperCase(Locale.ROOT));
        }
        if (value == null) {
            value = file.getProperty(name);
        }
        return value == null ? DEFAULTS.get(name) : value;
    }

    // Flags may be written --query-timeout or --query.timeout.
    private static String canonical(String name) {
        return name.replace('-', '.').toLowerCase(Locale.ROOT);
    }

    private static Properties readProperties(Path path, boolean required) {
        Properties properties = new Properties();
        if (!Files.exists(path)) {
            if (required) {
                throw new PuffinException(ErrorCode.BAD_REQUEST, format("Config file %s does not exist", path));
            }
            return properties;
        }
        try (Reader reader = Files.newBufferedReader(path)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, format("Cannot read config file %s: %s", path, e.getMessage()), e);
        }
        List<String> unknown = new ArrayList<>();
        for (String name : properties.stringPropertyNames()) {
            if (!DEFAULTS.containsKey(name) && !isNamedSetting(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, format("Unknown settings %s in %s", unknown, path));
        }
        return properties;
    }
}
