package io.puffindb.bench;

import io.puffindb.lake.demo.GenerationProgress;
import java.io.PrintStream;

/** Data generation progress on one terminal line per table. */
final class ConsoleProgress implements GenerationProgress {
    private final PrintStream out;
    private long lastPercent = -1;
    private String lastTable = "";

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void rowsWritten(String table, long rowsDone, long rowsExpected) {
        long percent = rowsExpected == 0 ? 100 : Math.min(100, rowsDone * 100 / rowsExpected);
        if (!table.equals(lastTable)) {
            lastTable = table;
            lastPercent = -1;
        }
        if (percent != lastPercent) {
            out.printf("\r  %-9s %3d%% %,d rows", table, percent, rowsDone);
            if (percent == 100) {
                out.println();
            }
            lastPercent = percent;
        }
    }
}
