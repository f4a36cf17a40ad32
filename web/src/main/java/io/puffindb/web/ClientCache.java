package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.lake.cache.FileCache;
import io.puffindb.lake.cache.RamLayer;
import io.puffindb.lake.store.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The CLI's own cache of lake files (the CLIENT tier's SSD layer): a folder that outlives the
 * process, with a manifest of what each file is (location, version, size), when it was last used,
 * and the size of its copy in the RAM layer, if any. Files carry the same names as in the engines'
 * caches, so SQL the service renders for the client finds them: through a view of links to the
 * RAM copy of each, or to its copy here. Least recently used files leave first when over a layer's budget.
 */
public final class ClientCache {
    private static final String MANIFEST = "manifest.json";
    private static final String READ_VIEWS = ".reads";

    private final Path folder;
    private final long budgetBytes;
    private final RamLayer ram;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** One cached file: the lake file it copies, its last use (epoch milliseconds), its RAM copy's size (0: none). */
    record Entry(String uri, String version, long size, long lastUsed, long ramSize) {
        StoredObject file() {
            return new StoredObject(uri, size, version);
        }

        Entry usedAt(long now) {
            return new Entry(uri, version, size, now, ramSize);
        }

        Entry withRamSize(long bytes) {
            return new Entry(uri, version, size, lastUsed, bytes);
        }
    }

    /** A cache with no RAM layer. */
    public ClientCache(Path folder, long budgetBytes) {
        this(folder, budgetBytes, RamLayer.NONE);
    }

    public ClientCache(Path folder, long budgetBytes, RamLayer ram) {
        this.folder = requireNonNull(folder, "folder is null").toAbsolutePath();
        this.budgetBytes = budgetBytes;
        this.ram = requireNonNull(ram, "ram is null");
        try {
            Files.createDirectories(folder);
            if (ram.enabled()) {
                Files.createDirectories(ram.folder());
            }
            sweepReadViews();
            Path manifest = folder.resolve(MANIFEST);
            if (Files.exists(manifest)) {
                for (Entry entry : json.readValue(manifest.toFile(), new TypeReference<List<Entry>>() { })) {
                    String name = FileCache.nameOf(entry.file());
                    // A file deleted by hand is simply not cached any more; RAM copies are gone after a reboot.
                    if (Files.exists(folder.resolve(name))) {
                        boolean inRam = entry.ramSize() > 0 && ram.enabled() && Files.exists(ram.folder().resolve(name));
                        entries.put(name, inRam ? entry : entry.withRamSize(0));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the client cache in " + folder, e);
        }
    }

    /**
     * The RAM layer's folder for a client cache in {@code folder}: one per cache folder, under
     * {@code ramDir} (a RAM-backed file system), so two caches never share RAM copies.
     */
    public static Path ramFolderFor(Path folder, Path ramDir) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(folder.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return ramDir.resolve("client-" + HexFormat.of().formatHex(digest, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /**
     * A folder for one local run's {@code file_search_path}: a link per file of {@code files} this cache
     * holds, to its RAM copy when it has one, else to its SSD copy. DuckDB answers every folder of a
     * search path that holds a name, so a path of both layers would read a file held in both twice.
     */
    public ReadView readView(List<StoredObject> files) throws IOException {
        Path view = Files.createDirectories(folder.resolve(READ_VIEWS)).resolve(UUID.randomUUID().toString());
        Files.createDirectory(view);
        try {
            for (StoredObject file : files) {
                String name = FileCache.nameOf(file);
                Entry entry = entries.get(name);
                if (entry != null) {
                    Files.createSymbolicLink(view.resolve(name), entry.ramSize() > 0 ? ram.folder().resolve(name).toAbsolutePath() : folder.resolve(name));
                }
            }
            return new ReadView(view);
        } catch (IOException | RuntimeException e) {
            new ReadView(view).close();
            throw e;
        }
    }

    /** The links of one local run, deleted when it ends (the files they name stay). */
    public record ReadView(Path folder) implements AutoCloseable {
        @Override
        public void close() {
            deleteLinks(folder);
        }
    }

    private static void deleteLinks(Path view) {
        try (Stream<Path> links = Files.list(view)) {
            for (Path link : links.toList()) {
                Files.deleteIfExists(link);
            }
            Files.deleteIfExists(view);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the read view " + view, e);
        }
    }

    /** Files held in the RAM layer too, and their RAM copies' bytes. */
    public long ramFiles() {
        return entries.values().stream().filter(entry -> entry.ramSize() > 0).count();
    }

    public long ramBytes() {
        return entries.values().stream().mapToLong(Entry::ramSize).sum();
    }

    /** The lake files held. */
    public List<StoredObject> files() {
        return entries.values().stream().map(Entry::file).toList();
    }

    public boolean holds(StoredObject file) {
        return entries.containsKey(FileCache.nameOf(file));
    }

    /** Marks the files as used now (they leave last). */
    public void used(List<StoredObject> files) {
        long now = System.currentTimeMillis();
        files.forEach(file -> entries.computeIfPresent(FileCache.nameOf(file), (name, entry) -> entry.usedAt(now)));
        save();
    }

    /** Copies a file in (unless it alone is over the budget), then evicts the least recently used over the budget. */
    public boolean add(StoredObject file, InputStream content) throws IOException {
        if (file.size() > budgetBytes) {
            return false;
        }
        String name = FileCache.nameOf(file);
        Path partial = folder.resolve(".partial-" + name);
        Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        entries.put(name, new Entry(file.uri(), file.version(), file.size(), System.currentTimeMillis(), 0));
        evictOverBudget();
        save();
        return true;
    }

    private void evictOverBudget() throws IOException {
        long total = entries.values().stream().mapToLong(Entry::size).sum();
        List<Map.Entry<String, Entry>> oldestFirst = new ArrayList<>(entries.entrySet());
        oldestFirst.sort(Comparator.comparingLong(named -> named.getValue().lastUsed()));
        for (Map.Entry<String, Entry> named : oldestFirst) {
            if (total <= budgetBytes) {
                return;
            }
            Files.deleteIfExists(folder.resolve(named.getKey()));
            deleteRamCompression(named.getKey());
            entries.remove(named.getKey());
            total -= named.getValue().size();
        }
    }

    /**
     * Reactive promotion within the client: copies the given cached files (those a query just read)
     * into the RAM layer, written as the layer says, then drops the least recently used RAM copies
     * over its budget. Answers how many of them the RAM layer holds now that it did not before.
     */
    public int promoteToRam(List<StoredObject> files) throws IOException {
        if (!ram.enabled()) {
            return 0;
        }
        List<String> promoted = new ArrayList<>();
        for (StoredObject file : files) {
            String name = FileCache.nameOf(file);
            Entry entry = entries.get(name);
            if (entry == null || entry.ramSize() > 0 || entry.size() > ram.budgetBytes()) {
                continue;
            }
            Path partial = ram.folder().resolve(".partial-" + name);
            Files.deleteIfExists(partial);
            ram.compression().copy(folder.resolve(name), partial);
            Files.move(partial, ram.folder().resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            entries.put(name, entry.withRamSize(Files.size(ram.folder().resolve(name))));
            promoted.add(name);
        }
        demoteOverRamBudget();
        save();
        return (int) promoted.stream().filter(name -> entries.get(name).ramSize() > 0).count();
    }

    private void demoteOverRamBudget() throws IOException {
        long total = ramBytes();
        List<Map.Entry<String, Entry>> oldestFirst = new ArrayList<>(entries.entrySet());
        oldestFirst.sort(Comparator.comparingLong(named -> named.getValue().lastUsed()));
        for (Map.Entry<String, Entry> named : oldestFirst) {
            if (total <= ram.budgetBytes()) {
                return;
            }
            if (named.getValue().ramSize() > 0) {
                deleteRamCompression(named.getKey());
                total -= named.getValue().ramSize();
                entries.put(named.getKey(), named.getValue().withRamSize(0));
            }
        }
    }

    private void deleteRamCompression(String name) throws IOException {
        if (ram.enabled()) {
            Files.deleteIfExists(ram.folder().resolve(name));
        }
    }

    // Views left by a process that died during a run.
    private void sweepReadViews() throws IOException {
        Path views = folder.resolve(READ_VIEWS);
        if (Files.isDirectory(views)) {
            try (Stream<Path> left = Files.list(views)) {
                left.forEach(ClientCache::deleteLinks);
            }
        }
    }

    // Written to a temporary file and renamed, so a crash never leaves half a manifest.
    private void save() {
        try {
            Path temporary = folder.resolve(MANIFEST + ".partial");
            json.writeValue(temporary.toFile(), new ArrayList<>(entries.values()));
            Files.move(temporary, folder.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the client cache's manifest in " + folder, e);
        }
    }
}
