package io.puffindb.rules;

import java.util.List;
import org.apache.calcite.rel.RelNode;

/** Where a field of a multi-way join's concatenated row comes from: which input, at which offset. */
final class MultiJoinFields {
    private MultiJoinFields() {
    }

    /** The input of {@code inputs} that field {@code field} of their concatenated row belongs to. */
    static int inputOf(List<RelNode> inputs, int field) {
        int end = 0;
        for (int i = 0; i < inputs.size(); i++) {
            end += inputs.get(i).getRowType().getFieldCount();
            if (field < end) {
                return i;
            }
        }
        throw new IllegalArgumentException("Field " + field + " is past the multi-join's inputs");
    }

    /** The position of input {@code input}'s first field in the concatenated row. */
    static int offsetOf(List<RelNode> inputs, int input) {
        int offset = 0;
        for (int i = 0; i < input; i++) {
            offset += inputs.get(i).getRowType().getFieldCount();
        }
        return offset;
    }
}
