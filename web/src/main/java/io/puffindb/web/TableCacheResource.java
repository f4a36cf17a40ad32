package io.puffindb.web;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.puffindb.executors.cache.CacheDirectory;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.LakeTable;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.Split;
import io.puffindb.registry.CachedCopy;
import io.puffindb.web.flightsql.CatalogTables;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code GET /v1/table-cache?catalog=&schema=&name=}: where a table's current files are cached, as the Registry's cache
 * directory knows it: per engine (holder) and layer, how many of the table's files and bytes it holds in their current version.
 */
final class TableCacheResource {
    /** A table's files and bytes, and the part of them each engine's cache layer holds. */
    record TableCache(int files, long bytes, List<Copies> cached) {
    }

    /** What one holder keeps of a table in one cache layer. */
    record Copies(String holder, String layer, int files, long bytes) {
    }

    private final CatalogTables catalog;
    private final CacheDirectory directory;

    TableCacheResource(CatalogTables catalog, CacheDirectory directory) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.directory = requireNonNull(directory, "directory is null");
    }

    void show(Context ctx) {
        String schema = required(ctx, "schema");
        String name = required(ctx, "name");
        Optional<String> catalogName = Optional.ofNullable(ctx.queryParam("catalog")).filter(text -> !text.isEmpty());
        LakeTable table = catalog.lakeTable(catalogName, schema, name).orElseThrow(() -> new PuffinException(ErrorCode.TABLE_NOT_FOUND,
                format("No lake table %s.%s%s (a mounted database's tables are not cached)", schema, name, catalogName.map(c -> " in catalog " + c).orElse(""))));
        ctx.json(cacheOf(table));
    }

    private TableCache cacheOf(LakeTable table) {
        Map<String, String> versions = new TreeMap<>();
        table.splits().forEach(split -> versions.put(split.path(), split.version()));
        Map<String, List<CachedCopy>> copies = directory.copiesOf(versions.keySet());
        // By holder and layer, the copies of the files' current versions (an older version's copy is stale).
        Map<String, Copies> byHolder = new TreeMap<>();
        copies.forEach((file, known) -> known.stream().filter(copy -> copy.version().equals(versions.get(file))).forEach(copy ->
                byHolder.merge(copy.holder() + " " + copy.layer(), new Copies(copy.holder(), copy.layer().name(), 1, copy.sizeBytes()),
                        (a, b) -> new Copies(a.holder(), a.layer(), a.files() + b.files(), a.bytes() + b.bytes()))));
        return new TableCache(table.splits().size(), table.splits().stream().mapToLong(Split::sizeBytes).sum(), List.copyOf(byHolder.values()));
    }

    private static String required(Context ctx, String parameter) {
        String value = ctx.queryParam(parameter);
        if (value == null || value.isEmpty()) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, format("%s is required: /v1/table-cache?catalog=&schema=&name=", parameter));
        }
        return value;
    }
}
