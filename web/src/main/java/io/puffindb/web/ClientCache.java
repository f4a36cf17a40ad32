package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.lake.cache.FileCache;
import io.puffindb.lake.store.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CLI's own cache of lake files (the CLIENT tier's SSD layer): a folder that outlives the
 * process, with a manifest of what each file is (location, version, size) and when it was last
 * used. Files carry the same names as in the engines' caches, so SQL the service renders for the
 * client finds them. Least recently used files leave first when over the budget.
 */
public final class ClientCache {
    private static final String MANIFEST = "manifest.json";

    private final Path folder;
    private final long budgetBytes;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** One cached file: the lake file it copies and its last use (epoch milliseconds). */
    record Entry(String uri, String version, long size, long lastUsed) {
        StoredObject file() {
            return new StoredObject(uri, size, version);
        }
    }

    public ClientCache(Path folder, long budgetBytes) {
        this.folder = requireNonNull(folder, "folder is null");
        this.budgetBytes = budgetBytes;
        try {
            Files.createDirectories(folder);
            Path manifest = folder.resolve(MANIFEST);
            if (Files.exists(manifest)) {
                for (Entry entry : json.readValue(manifest.toFile(), new TypeReference<List<Entry>>() { })) {
                    // A file deleted by hand is simply not cached any more.
                    if (Files.exists(folder.resolve(FileCache.nameOf(entry.file())))) {
                        entries.put(FileCache.nameOf(entry.file()), entry);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the client cache in " + folder, e);
        }
    }

    /** Where the files are: the client's DuckDB resolves cached names here. */
    public Path folder() {
        return folder;
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
        files.forEach(file -> entries.computeIfPresent(FileCache.nameOf(file), (name, entry) -> new Entry(entry.uri(), entry.version(), entry.size(), now)));
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
        entries.put(name, new Entry(file.uri(), file.version(), file.size(), System.currentTimeMillis()));
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
            entries.remove(named.getKey());
            total -= named.getValue().size();
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
