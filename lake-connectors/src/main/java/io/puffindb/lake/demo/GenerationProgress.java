package io.puffindb.lake.demo;

/** Told how far a data generation has come, so long generations can show a progress bar. */
@FunctionalInterface
public interface GenerationProgress {
    void rowsWritten(String table, long rowsDone, long rowsExpected);

    GenerationProgress SILENT = (table, rowsDone, rowsExpected) -> { };
}
