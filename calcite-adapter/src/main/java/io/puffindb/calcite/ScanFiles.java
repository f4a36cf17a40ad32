package io.puffindb.calcite;

import io.puffindb.lake.LakeTable;
import io.puffindb.lake.Split;
import java.util.List;
import org.apache.calcite.rel.core.TableScan;

/**
 * Decides what a rendered scan reads: which splits of the table (all of them, or one task's share)
 * and the local path of each (the lake path, or where a cache holds the file).
 */
public interface ScanFiles {
    List<Split> splitsOf(TableScan scan, LakeTable table);

    String localPath(Split split);

    /** Every split, read where the lake keeps it. */
    ScanFiles ALL = new ScanFiles() {
        @Override
        public List<Split> splitsOf(TableScan scan, LakeTable table) {
            return table.splits();
        }

        @Override
        public String localPath(Split split) {
            return split.path();
        }
    };
}
