package io.puffindb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.calcite.jdbc.JdbcDatabase;
import io.puffindb.calcite.tier.Tier;
import io.puffindb.cost.CostParameters;
import io.puffindb.cost.LiveWorkers;
import io.puffindb.executors.cache.RamSettings;
import io.puffindb.executors.flight.PortRange;
import io.puffindb.executors.trust.ClusterSecret;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.cache.RamCompression;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings by name: flags over the environment over defaults; catalogs and Delta folders named by the user. */
class ConfigLoaderTest {
    @Test
    void flagsWinOverTheEnvironmentWhichWinsOverDefaults() {
        PuffinConfig config = ConfigLoader.load(Map.of("port", "9191"), Map.of("PUFFINDB_PORT", "9292", "PUFFINDB_WORKERS", "3"));
        assertEquals(9191, config.port());
        assertEquals(3, config.workers());
        assertEquals("memory", config.registry());
    }

    @Test
    void deltaFoldersAndIcebergCatalogsAreNamedByTheUser() {
        PuffinConfig config = ConfigLoader.load(Map.of("delta.sales.path", "s3://bucket/delta", "hudi.rides.path", "/data/hudi", "iceberg.wh.uri", "jdbc:sqlite:/tmp/c.db",
                "iceberg.wh.warehouse", "/tmp/wh"), Map.of());
        assertEquals(Map.of("sales", "s3://bucket/delta"), config.storage().deltaLakes());
        assertEquals(Map.of("rides", "/data/hudi"), config.storage().hudiLakes());
        assertEquals(List.of(new IcebergCatalogConfig("wh", "jdbc:sqlite:/tmp/c.db", "/tmp/wh")), config.storage().icebergCatalogs());
    }

    @Test
    void databasesAreMountedByNameAndTheirPasswordsNeverComeFromFlags() {
        PuffinConfig config = ConfigLoader.load(Map.of("jdbc.pg.url", "jdbc:postgresql://db:5432/sales?ssl=true", "jdbc.pg.user", "reader"),
                Map.of("PUFFINDB_JDBC_PG_PASSWORD", "secret"));
        JdbcDatabase database = config.storage().databases().get(0);
        assertEquals("pg", database.name());
        // What errors and EXPLAIN may show: no query part, which may carry credentials.
        assertEquals("jdbc:postgresql://db:5432/sales", database.displayUrl());
        PuffinException flag = assertThrows(PuffinException.class,
                () -> ConfigLoader.load(Map.of("jdbc.pg.url", "jdbc:postgresql://db/sales", "jdbc.pg.password", "secret"), Map.of()));
        assertTrue(flag.getMessage().contains("PUFFINDB_JDBC_PG_PASSWORD"), flag.getMessage());
        PuffinException noUrl = assertThrows(PuffinException.class, () -> ConfigLoader.load(Map.of("jdbc.pg.user", "reader"), Map.of()));
        assertTrue(noUrl.getMessage().contains("jdbc.pg.url"), noUrl.getMessage());
    }

    @Test
    void theRamLayerIsTablesOrFilesCompressedOrNotAndTheClientHasItsOwnBudgets() {
        assertEquals(RamSettings.defaults(), ConfigLoader.load(Map.of(), Map.of()).storage().ram());
        assertEquals(new RamSettings(RamSettings.Form.TABLES, RamSettings.defaults().dir(), 1L << 30, RamCompression.COMPRESSED), RamSettings.defaults().withMonostoreBytes(1L << 30));
        PuffinConfig config = ConfigLoader.load(Map.of("cache.ram.compression", "uncompressed", "cache.ram.form", "files", "cache", "/tmp/c",
                "client.cache.ram.bytes", "1000"), Map.of());
        assertEquals(RamCompression.UNCOMPRESSED, config.storage().ram().compression());
        assertEquals(RamSettings.Form.FILES, config.storage().ram().form());
        assertEquals(new ClientConfig(Path.of("/tmp/c"), ClientConfig.defaults().ssdBytes(), 1000), config.client());
        PuffinException wrong = assertThrows(PuffinException.class, () -> ConfigLoader.load(Map.of("cache.ram.compression", "zip"), Map.of()));
        assertTrue(wrong.getMessage().contains("compressed or uncompressed, not 'zip'"), wrong.getMessage());
    }

    @Test
    void enginesBindLoopbackOnAnyPortWithoutASecretFileUnlessTold() throws Exception {
        PuffinConfig defaults = ConfigLoader.load(Map.of(), Map.of());
        assertEquals("127.0.0.1", defaults.bind());
        assertEquals(ClusterConfig.defaults(), defaults.cluster());
        PuffinConfig told = ConfigLoader.load(Map.of("flight-port-range", "47000-47100", "cluster-secret-file", "/etc/puffindb/secret"),
                Map.of("PUFFINDB_BIND", "0.0.0.0"));
        assertEquals("0.0.0.0", told.bind());
        assertEquals(new ClusterConfig(java.util.Optional.of(Path.of("/etc/puffindb/secret")), new PortRange(47000, 47100),
                io.puffindb.cost.DeploymentCosts.Shape.AUTO, io.puffindb.cost.CostOverrides.NONE, java.util.Optional.empty()), told.cluster());
        PuffinException range = assertThrows(PuffinException.class, () -> ConfigLoader.load(Map.of("flight-port-range", "47100-47000"), Map.of()));
        assertTrue(range.getMessage().contains("47100-47000"), range.getMessage());
    }

    @Test
    void costSettingsComeFromFlagsEnvironmentOrTheFileAndDescribeTheDeployment() {
        PuffinConfig embedded = ConfigLoader.load(Map.of("duckdb-threads", "4", "workers", "2"), Map.of());
        CostParameters shared = embedded.costProfile().parametersFor(new LiveWorkers(2, 2));
        assertEquals(4, shared.threads().get(Tier.MONOSTORE));
        assertEquals(2, shared.lambdaThreadsPerWorker(), "in-process workers split the host's threads");
        assertEquals(CostParameters.defaults(2), embedded.costProfile().parametersFor(new LiveWorkers(2, 0)), "worker processes: a fleet");

        PuffinConfig told = ConfigLoader.load(Map.of("cost.profile", "fleet", "cost-monostore-threads", "16", "cost.splits.per.task", "4"),
                Map.of("PUFFINDB_COST_LINK_BYTES_PER_SECOND", "1e6"));
        CostParameters fleet = told.costProfile().parametersFor(new LiveWorkers(2, 2));
        assertEquals(16, fleet.threads().get(Tier.MONOSTORE));
        assertEquals(4, fleet.splitsPerTask());
        assertEquals(1e6, fleet.linkBytesPerSecond(Tier.LAMBDA, Tier.MONOSTORE));
        assertEquals(CostParameters.defaults(2).lakeBytesPerSecond(), fleet.lakeBytesPerSecond(), "what was not set keeps the profile's value");

        PuffinException shape = assertThrows(PuffinException.class, () -> ConfigLoader.load(Map.of("cost.profile", "cloud"), Map.of()));
        assertTrue(shape.getMessage().contains("auto, shared-host or fleet"), shape.getMessage());
        PuffinException threads = assertThrows(PuffinException.class, () -> ConfigLoader.load(Map.of("cost.monostore.threads", "0"), Map.of()));
        assertTrue(threads.getMessage().contains("cost.monostore.threads must be at least 1"), threads.getMessage());
    }

    @Test
    void aClusterSecretIsLongOrRefused(@org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        Path secret = java.nio.file.Files.writeString(folder.resolve("secret"), "too short\n");
        PuffinException refused = assertThrows(PuffinException.class, () -> ClusterSecret.readFrom(secret));
        assertTrue(refused.getMessage().contains("at least 32"), refused.getMessage());
        java.nio.file.Files.writeString(secret, "x".repeat(40) + "\n");
        assertEquals(ClusterSecret.readFrom(secret).proof(), ClusterSecret.readFrom(secret).proof(), "the same file, the same proof");
        assertTrue(ClusterSecret.readFrom(secret).isProof(ClusterSecret.readFrom(secret).proof()));
        assertTrue(!ClusterSecret.generate().isProof(ClusterSecret.readFrom(secret).proof()));
    }

    @Test
    void unknownAndIncompleteSettingsAreClearErrors() {
        PuffinException unknown = assertThrows(PuffinException.class, () -> ConfigLoader.load(Map.of("delta.sales.uri", "x"), Map.of()));
        assertTrue(unknown.getMessage().contains("delta.sales.uri"), unknown.getMessage());
        PuffinException incomplete = assertThrows(PuffinException.class, () -> ConfigLoader.load(Map.of("iceberg.wh.uri", "jdbc:sqlite:x"), Map.of()));
        assertTrue(incomplete.getMessage().contains("iceberg.wh.warehouse"), incomplete.getMessage());
    }

    @Test
    void httpAccessSettingsLoopbackByDefaultTheTokenFromTheEnvironmentNeverAFlag() {
        PuffinConfig defaults = ConfigLoader.load(Map.of(), Map.of());
        assertEquals("127.0.0.1", defaults.bind());
        assertTrue(defaults.http().credential().isEmpty());
        PuffinConfig open = ConfigLoader.load(Map.of("bind", "0.0.0.0", "allowed-hosts", "db.example, 10.0.0.5"),
                Map.of("PUFFINDB_AUTH_TOKEN", "alice:0123456789abcdef:admin"));
        assertEquals("0.0.0.0", open.bind());
        assertEquals(List.of("db.example", "10.0.0.5"), open.http().allowedHosts());
        assertEquals(new Credential("alice", "0123456789abcdef", true), open.http().credential().orElseThrow());
        assertEquals("default", Credential.parse("0123456789abcdef").user());
        PuffinException flag = assertThrows(PuffinException.class, () -> ConfigLoader.load(Map.of("auth-token", "0123456789abcdef"), Map.of()));
        assertTrue(flag.getMessage().contains("PUFFINDB_AUTH_TOKEN"), flag.getMessage());
        PuffinException shortToken = assertThrows(PuffinException.class, () -> Credential.parse("bob:tiny1"));
        assertTrue(shortToken.getMessage().contains("bob") && !shortToken.getMessage().contains("tiny1"), shortToken.getMessage());
    }
}
