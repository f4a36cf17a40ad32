package io.puffindb.executors.cache;

import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.LakeCalciteTable;
import io.puffindb.calcite.ScanFiles;
import io.puffindb.executors.DuckDbEngine;
import io.puffindb.lake.LakeTable;
import io.puffindb.lake.cache.CacheListener;
import io.puffindb.lake.cache.CacheUsage;
import io.puffindb.lake.cache.FileCache;
import io.puffindb.lake.cache.RamCompression;
import io.puffindb.lake.store.StoredObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MONOSTORE's RAM layer as DuckDB in-memory tables: a hot table's rows (one version of its
 * data, deletes applied) copied into a table of an in-memory database attached to the MONOSTORE's
 * DuckDB, which a query then reads instead of the table's files. With {@link RamCompression#COMPRESSED}
 * the database compresses what it holds (DuckDB's lightweight compression, applied at a checkpoint).
 *
 * <p>Holds at most {@code budgetBytes} of tables (as DuckDB accounts their memory), least recently
 * used leaving first; a table a running query reads is pinned until that query ends. Only the
 * promoter loads tables, one at a time, and evicts: so the memory a load adds is measured alone.
 */
public final class MemoryTables {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryTables.class);
    private static final String DATABASE = "puffindb_ram";
    private static final int CHECKPOINT_ATTEMPTS = 10;
    private static final int REMEMBERED_REFUSALS = 1024;

    private final DuckDbEngine engine;
    private final long budgetBytes;
    private final RamCompression compression;
    private final CacheListener listener;
    private final ReentrantLock loading = new ReentrantLock();
    // Access order: the eldest entry is the least recently used.
    private final LinkedHashMap<String, Held> tables = new LinkedHashMap<>(16, 0.75f, true);
    // Versions of tables that failed to load or did not fit even with nothing else held: not tried again.
    private final Set<String> refused = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_REFUSALS;
        }
    });

    private static final class Held {
        final String table;
        final String name;
        final List<StoredObject> files;
        final long fileBytes;
        final long bytes;
        int pins;

        Held(String table, String name, List<StoredObject> files, long bytes) {
            this.table = table;
            this.name = name;
            this.files = List.copyOf(files);
            this.fileBytes = files.stream().mapToLong(StoredObject::size).sum();
            this.bytes = bytes;
        }
    }

    /** Tables held, the lake files they copy, and their bytes in memory, of the budget. */
    public record Stats(int tables, int files, long bytes, long budgetBytes) {
    }

    /** No RAM layer: holds nothing, never loads. */
    public static MemoryTables none(DuckDbEngine engine) {
        return new MemoryTables(engine, 0, RamCompression.COMPRESSED, CacheListener.NONE);
    }

    public MemoryTables(DuckDbEngine engine, long budgetBytes, RamCompression compression, CacheListener listener) {
        this.engine = requireNonNull(engine, "engine is null");
        this.budgetBytes = budgetBytes;
        this.compression = requireNonNull(compression, "compression is null");
        this.listener = requireNonNull(listener, "listener is null");
        if (budgetBytes > 0) {
            execute("ATTACH ':memory:' AS " + DATABASE + (compression == RamCompression.COMPRESSED ? " (COMPRESS)" : ""));
        }
    }

    public boolean enabled() {
        return budgetBytes > 0;
    }

    /** The tables one query reads from memory, pinned until it closes. */
    public Reading reading() {
        return new Reading();
    }

    /** What a query reads from memory: each table it looks up and finds is pinned until {@link #close()}. */
    public final class Reading implements AutoCloseable {
        private final List<Held> pinned = new ArrayList<>();

        /** The in-memory copy of {@code table}'s current data, if held (a pruned scan reads the whole copy: its filter stays). */
        public Optional<String> lookup(LakeCalciteTable table) {
            synchronized (MemoryTables.this) {
                // Most tables are not held: tell so before reading the table's metadata for its version.
                if (tables.values().stream().noneMatch(held -> held.table.equals(table.qualifiedName()))) {
                    return Optional.empty();
                }
            }
            String key = keyOf(table.unpruned().lakeTable());
            synchronized (MemoryTables.this) {
                Held held = tables.get(key);
                if (held == null) {
                    return Optional.empty();
                }
                held.pins++;
                pinned.add(held);
                return Optional.of(DATABASE + "." + held.name);
            }
        }

        /** The lake files whose rows the query reads from memory instead. */
        public List<StoredObject> files() {
            return pinned.stream().flatMap(held -> held.files.stream()).toList();
        }

        /** Counted as reads from the RAM layer, file by file. */
        public CacheUsage usage() {
            int files = pinned.stream().mapToInt(held -> held.files.size()).sum();
            long bytes = pinned.stream().mapToLong(held -> held.fileBytes).sum();
            return new CacheUsage(files, bytes, 0, 0, files, bytes);
        }

        @Override
        public void close() {
            synchronized (MemoryTables.this) {
                pinned.forEach(held -> held.pins--);
                pinned.clear();
            }
        }
    }

    /**
     * Reactive promotion into RAM: copies the table's current data into memory unless it is held
     * already, any of its remote files is missing from the SSD cache below (promotion goes one layer
     * up, never to the lake), or it does not fit the budget. True if the table is now held.
     */
    public boolean load(LakeCalciteTable scanned, FileCache ssd) {
        if (!enabled()) {
            return false;
        }
        LakeTable data = scanned.unpruned().lakeTable();
        String key = keyOf(data);
        List<StoredObject> files = filesOf(data);
        synchronized (this) {
            if (tables.containsKey(key) || refused.contains(key)) {
                return tables.containsKey(key);
            }
        }
        List<StoredObject> remote = files.stream().filter(StoredObject::needsFetching).toList();
        if (!remote.stream().allMatch(ssd::holds) || data.sizeBytes() > budgetBytes) {
            return false;
        }
        loading.lock();
        try (FileCache.Lease staged = ssd.stage(remote)) {
            String name = tableName(key);
            long before = memoryInTables();
            execute(engine.atCachedPaths("CREATE OR REPLACE TABLE " + DATABASE + "." + name + " AS SELECT * FROM "
                    + data.scanRenderer().relation(data.splits(), ScanFiles::readablePath), remote));
            compress();
            long bytes = Math.max(0, memoryInTables() - before);
            List<Held> evicted = new ArrayList<>();
            synchronized (this) {
                // Older versions of the same table are of no use to a query any more.
                var iterator = tables.values().iterator();
                while (iterator.hasNext()) {
                    Held older = iterator.next();
                    if (older.table.equals(scanned.qualifiedName()) && older.pins == 0) {
                        iterator.remove();
                        evicted.add(older);
                    }
                }
                tables.put(key, new Held(scanned.qualifiedName(), name, files, bytes));
            }
            evicted.forEach(this::drop);
            evicted.addAll(evictOverBudget());
            boolean kept = evicted.stream().noneMatch(held -> held.name.equals(name));
            synchronized (this) {
                if (!kept && tables.isEmpty()) {
                    refused.add(key); // too large for the whole budget; a read table only held it off for now otherwise
                }
            }
            // Only what was announced as held is announced as gone.
            evicted.stream().filter(held -> !held.name.equals(name)).forEach(held -> held.files.forEach(listener::evicted));
            if (kept) {
                files.forEach(listener::admitted);
                LOG.debug("Holding {} in memory: {} bytes", key, bytes);
            }
            return kept;
        } catch (RuntimeException e) {
            LOG.debug("Cannot hold {} in memory: {}", key, e.getMessage());
            synchronized (this) {
                refused.add(key);
            }
            return false;
        } finally {
            loading.unlock();
        }
    }

    // A checkpoint compresses what was just loaded; it cannot run while another query writes, so it is
    // tried a few times, and a table left uncompressed is compressed by a later load's checkpoint.
    private void compress() {
        if (compression != RamCompression.COMPRESSED) {
            return;
        }
        for (int attempt = 1; attempt <= CHECKPOINT_ATTEMPTS; attempt++) {
            try {
                executeChecked("CHECKPOINT " + DATABASE);
                return;
            } catch (SQLException e) {
                sleep(50L * attempt);
            }
        }
        LOG.debug("No checkpoint of {}: busy", DATABASE);
    }

    // Least recently used first, pinned tables stay (a running query reads them); called while loading.
    private List<Held> evictOverBudget() {
        List<Held> evicted = new ArrayList<>();
        synchronized (this) {
            long total = tables.values().stream().mapToLong(held -> held.bytes).sum();
            var iterator = tables.values().iterator();
            while (total > budgetBytes && iterator.hasNext()) {
                Held held = iterator.next();
                if (held.pins == 0) {
                    iterator.remove();
                    total -= held.bytes;
                    evicted.add(held);
                }
            }
        }
        evicted.forEach(this::drop);
        return evicted;
    }

    // A query that began reading the table before keeps reading its own snapshot (DuckDB's catalog is transactional).
    private void drop(Held held) {
        execute("DROP TABLE IF EXISTS " + DATABASE + "." + held.name);
    }

    public synchronized Stats stats() {
        return new Stats(tables.size(), tables.values().stream().mapToInt(held -> held.files.size()).sum(),
                tables.values().stream().mapToLong(held -> held.bytes).sum(), budgetBytes);
    }

    private long memoryInTables() {
        try (Connection connection = engine.connect(); Statement statement = connection.createStatement();
                ResultSet memory = statement.executeQuery("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory() WHERE tag = 'IN_MEMORY_TABLE'")) {
            memory.next();
            return memory.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read DuckDB's memory use: " + e.getMessage(), e);
        }
    }

    private void execute(String sql) {
        try {
            executeChecked(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void executeChecked(String sql) throws SQLException {
        try (Connection connection = engine.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Names one version of a table's rows: its name and a digest of every data file's and delete
     * file's location and version, so a copy is never read once a file changed or a delete was added.
     */
    static String keyOf(LakeTable table) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            filesOf(table).stream().map(file -> file.uri() + "\n" + file.version() + "\n").sorted()
                    .forEach(line -> digest.update(line.getBytes(StandardCharsets.UTF_8)));
            return table.qualifiedName() + "@" + HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    // Every file whose bytes make the table's rows: data files and their delete files.
    private static List<StoredObject> filesOf(LakeTable table) {
        return table.splits().stream().flatMap(split -> Stream.concat(Stream.of(split.file()), split.deleteFiles().stream())).toList();
    }

    private static String tableName(String key) {
        try {
            return "t_" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
