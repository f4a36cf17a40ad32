package io.puffindb.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;

/** An engine's batches shown as the answer's columns: renamed, reordered, duplicates kept, buffers moved not copied. */
class RenamedBatchesTest {
    @Test
    void eachBatchMovesIntoTheAnswersColumnsWithoutACopy() {
        try (BufferAllocator allocator = new RootAllocator();
                IntVector numbers = new IntVector("$f0", allocator);
                VarCharVector words = new VarCharVector("EXPR$1", allocator);
                VectorSchemaRoot engine = VectorSchemaRoot.of(numbers, words)) {
            AnswerColumns answer = new AnswerColumns(List.of("upper(n_name)", "count_star()"), List.of(1, 0));
            try (RenamedBatches renamed = RenamedBatches.of(engine, answer, allocator).orElseThrow()) {
                for (int batch = 0; batch < 2; batch++) {
                    fill(engine, numbers, words, batch);
                    long wordsAddress = words.getDataBuffer().memoryAddress();
                    renamed.transfer();
                    VectorSchemaRoot root = renamed.root();
                    assertEquals(List.of("upper(n_name)", "count_star()"), root.getSchema().getFields().stream().map(Field::getName).toList());
                    assertEquals(2, root.getRowCount());
                    assertEquals("w" + batch, new String(((VarCharVector) root.getVector(0)).get(1), StandardCharsets.UTF_8));
                    assertEquals(batch * 10 + 1, ((IntVector) root.getVector(1)).get(1));
                    assertEquals(wordsAddress, ((VarCharVector) root.getVector(0)).getDataBuffer().memoryAddress(), "moved, not copied");
                }
            }
        } // the allocator's close fails the test on any buffer left behind
    }

    @Test
    void duplicateNamesAreKeptAndTheEnginesOwnColumnsNeedNoRenaming() {
        try (BufferAllocator allocator = new RootAllocator();
                IntVector first = new IntVector("1", allocator);
                IntVector second = new IntVector("1_1", allocator);
                VectorSchemaRoot engine = VectorSchemaRoot.of(first, second)) {
            assertTrue(RenamedBatches.of(engine, AnswerColumns.inPlanOrder(List.of("1", "1_1")), allocator).isEmpty());
            try (RenamedBatches renamed = RenamedBatches.of(engine, AnswerColumns.inPlanOrder(List.of("1", "1")), allocator).orElseThrow()) {
                assertEquals(List.of("1", "1"), renamed.root().getSchema().getFields().stream().map(Field::getName).toList());
            }
        }
    }

    private static void fill(VectorSchemaRoot engine, IntVector numbers, VarCharVector words, int batch) {
        numbers.allocateNew(2);
        words.allocateNew(2);
        for (int row = 0; row < 2; row++) {
            numbers.setSafe(row, batch * 10 + row);
            words.setSafe(row, ("w" + batch).getBytes(StandardCharsets.UTF_8));
        }
        engine.setRowCount(2);
    }
}
