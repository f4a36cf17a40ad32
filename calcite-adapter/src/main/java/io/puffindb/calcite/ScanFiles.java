package io.puffindb.calcite;

import io.puffindb.lake.LakeTable;
import io.puffindb.lake.Split;
import java.util.List;
import org.apache.calcite.rel.core.TableScan;

/** Decides which files of a table a rendered scan reads: all of them, or one task's share. */
@FunctionalInterface
public interface ScanFiles {
    List<String> pathsOf(TableScan scan, LakeTable table);

    ScanFiles ALL = (scan, table) -> table.splits().stream().map(Split::path).toList();
}
