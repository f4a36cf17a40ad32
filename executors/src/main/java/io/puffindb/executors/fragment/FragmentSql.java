package io.puffindb.executors.fragment;

import io.puffindb.calcite.DuckDbSqlRenderer;
import io.puffindb.calcite.LakeCalciteTable;
import io.puffindb.calcite.ScanFiles;
import io.puffindb.executors.cache.MemoryTables;
import io.puffindb.lake.LakeTable;
import io.puffindb.lake.Split;
import io.puffindb.lake.store.StoredObject;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.core.TableScan;

/** Renders a fragment as the DuckDB SQL one of its tasks runs: its share of the files, its inputs by name. */
public final class FragmentSql {
    private FragmentSql() {
    }

    /** For a fragment that reads whole tables (MONOSTORE, CLIENT). */
    public static String render(Fragment fragment) {
        return new DuckDbSqlRenderer(ScanFiles.ALL, fragment::nameOf).render(fragment.root());
    }

    /** The same, reading the tables {@code memory} holds from there instead of their files. */
    public static String render(Fragment fragment, MemoryTables.Reading memory) {
        ScanFiles fromMemory = new ScanFiles() {
            @Override
            public List<Split> splitsOf(TableScan scan, LakeTable table) {
                return ScanFiles.ALL.splitsOf(scan, table);
            }

            @Override
            public String localPath(StoredObject file) {
                return ScanFiles.ALL.localPath(file);
            }

            @Override
            public Optional<String> inMemory(LakeCalciteTable table) {
                return memory.lookup(table);
            }
        };
        return new DuckDbSqlRenderer(fromMemory, fragment::nameOf).render(fragment.root());
    }

    /** For one LAMBDA task: the fan-out scan reads only {@code taskSplits}. */
    public static String render(Fragment fragment, List<Split> taskSplits) {
        ScanFiles share = new ScanFiles() {
            @Override
            public List<Split> splitsOf(TableScan scan, LakeTable table) {
                return fragment.fanOutScan().filter(fanOut -> fanOut == scan).isPresent() ? taskSplits : table.splits();
            }

            @Override
            public String localPath(StoredObject file) {
                return ScanFiles.readablePath(file);
            }
        };
        return new DuckDbSqlRenderer(share, fragment::nameOf).render(fragment.root());
    }
}
