package io.puffindb.calcite;

import io.puffindb.lake.Split;
import java.util.List;

/** The files of a scan that its filter may match ({@code splits}), out of {@code totalFiles}, and the predicates that decided. */
public record SplitPruning(List<Split> splits, int totalFiles, List<String> predicates) {
    public SplitPruning {
        splits = List.copyOf(splits);
        predicates = List.copyOf(predicates);
    }

    /** As EXPLAIN shows it: {@code 1/4 files by [<($0, 1000)]}. */
    public String describe() {
        return splits.size() + "/" + totalFiles + " files by " + predicates;
    }
}
