package io.puffindb.calcite;

import io.puffindb.lake.LakeTable;
import io.puffindb.lake.cache.FileCache;
import io.puffindb.lake.store.StoredObject;
import io.puffindb.lake.Split;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.core.TableScan;

/**
 * Decides what a rendered scan reads: which splits of the table (all of them, or one task's share)
 * and the local path of each (the lake path, or where a cache holds the file).
 */
public interface ScanFiles {
    List<Split> splitsOf(TableScan scan, LakeTable table);

    String localPath(StoredObject file);

    /** The relation holding {@code table}'s rows in the engine's memory, when it holds them (then no file is read). */
    default Optional<String> inMemory(LakeCalciteTable table) {
        return Optional.empty();
    }

    /**
     * What DuckDB opens for a split: a local file where it is; a remote one by the name its engine's
     * cache keeps it under (an engine names it by its path in that cache before it runs the SQL; the
     * client's DuckDB finds it along its {@code file_search_path}).
     */
    static String readablePath(StoredObject file) {
        return file.needsFetching() ? FileCache.nameOf(file) : file.uri();
    }

    /** Every split, read where the lake keeps it or from the engine's cache. */
    ScanFiles ALL = new ScanFiles() {
        @Override
        public List<Split> splitsOf(TableScan scan, LakeTable table) {
            return table.splits();
        }

        @Override
        public String localPath(StoredObject file) {
            return readablePath(file);
        }
    };
}
