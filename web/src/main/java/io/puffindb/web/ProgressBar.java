package io.puffindb.web;

import io.puffindb.lake.demo.GenerationProgress;
import java.io.PrintStream;

/** A one-line progress bar on the terminal for data generation: table, bar, rows done of expected. */
final class ProgressBar implements GenerationProgress {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private String lastLine = "";

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void rowsWritten(String table, long rowsDone, long rowsExpected) {
        double fraction = rowsExpected == 0 ? 1 : Math.min(1.0, (double) rowsDone / rowsExpected);
        int filled = (int) Math.round(fraction * WIDTH);
        String line = String.format("generating %-9s [%s%s] %3d%% %,d rows",
                table, "#".repeat(filled), ".".repeat(WIDTH - filled), Math.round(fraction * 100), rowsDone);
        if (!line.equals(lastLine)) {
            out.print("\r" + line);
            if (rowsDone >= rowsExpected) {
                out.println();
            }
            out.flush();
            lastLine = line;
        }
    }
}
