package io.puffindb.lake.cache;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.store.ObjectStores;
import io.puffindb.lake.store.StoredObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An engine's local SSD cache of remote lake files, with a byte budget and least-recently-used
 * eviction. A file is cached under a name made from its location and version, so a replaced file
 * gets a new name and is fetched again; the stale copy ages out. DuckDB opens a cached file as
 * {@code root()/name}.
 *
 * <p>Files a running query reads are pinned until its {@link Lease} closes. A file that cannot fit
 * even after evicting everything unpinned is still fetched for that query but dropped afterwards, so
 * what stays cached never exceeds the budget.
 */
public final class FileCache implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FileCache.class);

    // Cached files, files being written, SSD copies of files held in RAM, and links being swapped in.
    private static final Pattern OWN_NAME = Pattern.compile("(\\.partial-|\\.ssd-|\\.link-)?[0-9a-f]{24}-.*");

    private final Path root;
    private final long budgetBytes;
    private final ObjectStores stores;
    private final CacheListener listener;
    private final RamLayer ram;
    // Entries held in RAM too, least recently used first.
    private final LinkedHashMap<String, Entry> inRam = new LinkedHashMap<>(16, 0.75f, true);
    private long ramBytes;
    // Access order: the eldest entry is the least recently used.
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, Object> fetchLocks = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong bytesFetched = new AtomicLong();
    private final AtomicLong evictions = new AtomicLong();
    private final AtomicLong promotedIn = new AtomicLong();
    private long cachedBytes;

    public FileCache(Path root, long budgetBytes, ObjectStores stores) {
        this(root, budgetBytes, stores, CacheListener.NONE);
    }

    public FileCache(Path root, long budgetBytes, ObjectStores stores, CacheListener listener) {
        this(root, budgetBytes, stores, listener, RamLayer.NONE);
    }

    public FileCache(Path root, long budgetBytes, ObjectStores stores, CacheListener listener, RamLayer ram) {
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
        this.ram = requireNonNull(ram, "ram is null");
        this.budgetBytes = budgetBytes;
        this.stores = requireNonNull(stores, "stores is null");
        this.listener = requireNonNull(listener, "listener is null");
        try {
            Files.createDirectories(this.root);
            if (ram.enabled()) {
                Files.createDirectories(ram.folder());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the cache folder " + this.root, e);
        }
        forgetLeftovers();
    }

    /** The folder that holds every cached file under its name. */
    public Path root() {
        return root;
    }

    /** The name a version of a file is cached under: stable across engines, new for every version. */
    public static String nameOf(StoredObject file) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((file.uri() + "\n" + file.version()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12) + "-" + file.fileName();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** Makes every file present under its cached name, fetching the missing ones, pinned until the lease closes. */
    public Lease stage(List<StoredObject> files) {
        Lease lease = new Lease(this);
        try {
            for (StoredObject file : files) {
                lease.add(stageOne(file, lease));
            }
            return lease;
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    private Entry stageOne(StoredObject file, Lease lease) {
        String name = nameOf(file);
        synchronized (fetchLocks.computeIfAbsent(name, key -> new Object())) {
            synchronized (this) {
                Entry cached = entries.get(name);
                if (cached != null) {
                    cached.pins++;
                    hits.incrementAndGet();
                    boolean fromRam = inRam.get(name) != null;
                    lease.usage = lease.usage.plus(new CacheUsage(1, file.size(), 0, 0, fromRam ? 1 : 0, fromRam ? file.size() : 0));
                    return cached;
                }
            }
            misses.incrementAndGet();
            copyIn(file, name, target -> stores.forLocation(file.uri()).download(file, target));
            bytesFetched.addAndGet(file.size());
            lease.usage = lease.usage.plus(new CacheUsage(0, 0, 1, file.size(), 0, 0));
            return admit(file, name, 1);
        }
    }

    /**
     * Reactive promotion: caches {@code file} from {@code source} (another engine's cache) unless it
     * is here already or larger than the whole budget; nothing is pinned. True if it was copied in.
     */
    public boolean promote(StoredObject file, FileSource source) {
        String name = nameOf(file);
        if (file.size() > budgetBytes) {
            return false;
        }
        synchronized (fetchLocks.computeIfAbsent(name, key -> new Object())) {
            synchronized (this) {
                if (entries.containsKey(name)) {
                    return false;
                }
            }
            copyIn(file, name, source);
            promotedIn.incrementAndGet();
            admit(file, name, 0);
            return true;
        }
    }

    /**
     * Reactive promotion one layer up: moves a file this cache holds into its RAM layer, unless it is
     * there already or the layer has no room for it. The SSD copy stays (hard-linked aside) and the
     * cached name becomes a link to the RAM copy, swapped in atomically: a query reading the file
     * meanwhile keeps reading what it opened. True if the file went into RAM.
     */
    public boolean promoteToRam(StoredObject file) {
        String name = nameOf(file);
        if (!ram.enabled() || file.size() > ram.budgetBytes()) {
            return false;
        }
        synchronized (fetchLocks.computeIfAbsent(name, key -> new Object())) {
            Entry entry;
            synchronized (this) {
                entry = entries.get(name);
                if (entry == null || inRam.containsKey(name)) {
                    return false;
                }
                entry.pins++; // not evicted from the SSD while it is copied
            }
            boolean moved = false;
            try {
                entry.ramSize = moveIntoRam(name);
                moved = true;
            } catch (IOException e) {
                LOG.warn("Cannot hold {} in RAM: {}", file.uri(), e.getMessage());
            }
            List<Entry> demoted = new ArrayList<>();
            List<Entry> evicted;
            synchronized (this) {
                entry.pins--;
                if (moved) {
                    inRam.put(name, entry);
                    ramBytes += entry.ramSize;
                    demoted = demoteOverRamBudget();
                }
                evicted = evictOverBudget();
            }
            if (moved && !demoted.contains(entry)) {
                ram.listener().admitted(file);
            }
            demoted.stream().filter(gone -> gone != entry).forEach(gone -> ram.listener().evicted(gone.file));
            notifyEvicted(evicted);
            return moved && !demoted.contains(entry);
        }
    }

    // Answers the RAM copy's size, which an uncompressed copy makes larger than the file.
    private long moveIntoRam(String name) throws IOException {
        Path ramCopy = ram.folder().resolve(name);
        Path partial = ram.folder().resolve(".partial-" + name);
        Path ssdCopy = root.resolve(".ssd-" + name);
        Path link = root.resolve(".link-" + name);
        try {
            Files.deleteIfExists(partial);
            ram.compression().copy(root.resolve(name), partial);
            Files.move(partial, ramCopy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(ssdCopy);
            Files.createLink(ssdCopy, root.resolve(name));
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, ramCopy);
            Files.move(link, root.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return Files.size(ramCopy);
        } catch (IOException e) {
            deleteQuietly(partial);
            deleteQuietly(link);
            deleteQuietly(ramCopy);
            deleteQuietly(ssdCopy);
            throw e;
        }
    }

    // Least recently used first, pinned or not: putting the SSD copy back under the name is atomic, and
    // a query that opened the RAM copy keeps reading it. Answers what left the RAM.
    private List<Entry> demoteOverRamBudget() {
        List<Entry> demoted = new ArrayList<>();
        var iterator = inRam.values().iterator();
        while (ramBytes > ram.budgetBytes() && iterator.hasNext()) {
            Entry entry = iterator.next();
            try {
                Files.move(root.resolve(".ssd-" + entry.name), root.resolve(entry.name), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                // Without its SSD copy the name would dangle: drop the file from the cache altogether.
                LOG.warn("Cannot move {} back from RAM: {}", entry.name, e.getMessage());
                deleteQuietly(root.resolve(entry.name));
            }
            deleteQuietly(ram.folder().resolve(entry.name));
            iterator.remove();
            ramBytes -= entry.ramSize;
            demoted.add(entry);
        }
        return demoted;
    }

    /** Copies a file's bytes. */
    @FunctionalInterface
    public interface FileSource {
        void copyTo(Path target) throws IOException;
    }

    /** Whether this version of the file is cached here now. */
    public synchronized boolean holds(StoredObject file) {
        return entries.containsKey(nameOf(file));
    }

    /** Pins {@code file} if this cache has it, so it can be read (by another engine promoting it) until the lease closes. */
    public Optional<Pinned> pinIfCached(StoredObject file) {
        String name = nameOf(file);
        synchronized (this) {
            Entry entry = entries.get(name);
            if (entry == null) {
                return Optional.empty();
            }
            entry.pins++;
            Lease lease = new Lease(this);
            lease.add(entry);
            return Optional.of(new Pinned(root.resolve(name), lease));
        }
    }

    /** A cached file's path, valid until {@link #close()}. */
    public record Pinned(Path path, Lease lease) implements AutoCloseable {
        @Override
        public void close() {
            lease.close();
        }
    }

    // Downloads through a private partial name, then renames, so DuckDB never sees half a file.
    private void copyIn(StoredObject file, String name, FileSource source) {
        Path target = root.resolve(name);
        Path partial = root.resolve(".partial-" + name + "-" + Thread.currentThread().getId());
        try {
            Files.deleteIfExists(partial);
            source.copyTo(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new PuffinException(ErrorCode.QUERY_FAILED, "Cannot cache " + file.uri() + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(partial);
        }
    }

    private Entry admit(StoredObject file, String name, int pins) {
        Entry entry = new Entry(name, file, file.size());
        List<Entry> evicted;
        boolean kept;
        synchronized (this) {
            entry.pins = pins;
            entries.put(name, entry);
            cachedBytes += entry.size;
            evicted = evictOverBudget();
            kept = entries.containsKey(name);
        }
        if (kept) {
            listener.admitted(file);
        }
        notifyEvicted(evicted.stream().filter(gone -> gone != entry).toList());
        return entry;
    }

    private void release(List<Entry> pinned) {
        List<Entry> evicted;
        synchronized (this) {
            for (Entry entry : pinned) {
                entry.pins--;
            }
            evicted = evictOverBudget();
        }
        notifyEvicted(evicted);
    }

    // Least recently used first; pinned files stay until their queries finish. A file held in RAM
    // leaves both layers. Answers what it evicted.
    private List<Entry> evictOverBudget() {
        List<Entry> evicted = new ArrayList<>();
        var iterator = entries.values().iterator();
        while (cachedBytes > budgetBytes && iterator.hasNext()) {
            Entry entry = iterator.next();
            if (entry.pins > 0) {
                continue;
            }
            iterator.remove();
            cachedBytes -= entry.size;
            evictions.incrementAndGet();
            deleteQuietly(root.resolve(entry.name));
            if (inRam.remove(entry.name) != null) {
                ramBytes -= entry.ramSize;
                entry.wasInRam = true;
                deleteQuietly(root.resolve(".ssd-" + entry.name));
                deleteQuietly(ram.folder().resolve(entry.name));
            }
            evicted.add(entry);
        }
        return evicted;
    }

    // Called outside the lock: listeners may talk to the Registry.
    private void notifyEvicted(List<Entry> evicted) {
        for (Entry entry : evicted) {
            listener.evicted(entry.file);
            if (entry.wasInRam) {
                ram.listener().evicted(entry.file);
            }
        }
    }

    public synchronized CacheStats stats() {
        return new CacheStats(entries.size(), cachedBytes, budgetBytes, hits.get(), misses.get(), bytesFetched.get(), evictions.get(),
                promotedIn.get(), inRam.size(), ramBytes, ram.budgetBytes());
    }

    /** Cached files, least recently used first. */
    public synchronized List<StoredObject> contents() {
        List<StoredObject> files = new ArrayList<>();
        entries.values().forEach(entry -> files.add(entry.file));
        return files;
    }

    /** Deletes every cached file and the folder: a cache belongs to one engine's lifetime. */
    @Override
    public void close() {
        synchronized (this) {
            entries.clear();
            inRam.clear();
            cachedBytes = 0;
            ramBytes = 0;
            forgetLeftovers();
            deleteQuietly(root);
            if (ram.enabled()) {
                deleteQuietly(ram.folder());
            }
        }
        listener.closed();
        ram.listener().closed();
    }

    // Files from an earlier run have no record of their source here: start empty rather than guess.
    // Only names this cache makes are touched, in case the folder is shared with anything else.
    private void forgetLeftovers() {
        forgetLeftovers(root);
        if (ram.enabled()) {
            forgetLeftovers(ram.folder());
        }
    }

    private static void forgetLeftovers(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            children.filter(child -> OWN_NAME.matcher(child.getFileName().toString()).matches()).forEach(FileCache::deleteQuietly);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear the cache folder " + folder, e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", path, e.getMessage());
        }
    }

    private static final class Entry {
        final String name;
        final StoredObject file;
        final long size;
        long ramSize;
        int pins;
        boolean wasInRam;

        Entry(String name, StoredObject file, long size) {
            this.name = name;
            this.file = file;
            this.size = size;
        }
    }

    /** Files staged for one query: they stay in the cache at least until this closes. */
    public static final class Lease implements AutoCloseable {
        private final FileCache cache;
        private final List<Entry> pinned = new ArrayList<>();
        private CacheUsage usage = CacheUsage.NONE;
        private boolean closed;

        private Lease(FileCache cache) {
            this.cache = cache;
        }

        private void add(Entry entry) {
            pinned.add(entry);
        }

        /** How many of the staged files were already cached, and how many were fetched, with their bytes. */
        public CacheUsage usage() {
            return usage;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                cache.release(pinned);
            }
        }
    }
}
