package io.puffindb.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code puffindb bench tpch [--sf 1] [--workers 2] [--runs 3] [--lake DIR] [--queries DIR]}. */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("tpch")) {
            System.err.println("usage: puffindb bench tpch [--sf 1] [--workers 2] [--runs 3] [--lake DIR] [--queries test-queries/cases/tpch]");
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        double scaleFactor = Double.parseDouble(options.getOrDefault("sf", "1"));
        Path lake = Path.of(options.getOrDefault("lake", "bench-lake/sf" + options.getOrDefault("sf", "1")));
        new TpchBench(scaleFactor, Integer.parseInt(options.getOrDefault("workers", "2")), Integer.parseInt(options.getOrDefault("runs", "3")),
                lake, Path.of(options.getOrDefault("queries", "test-queries/cases/tpch")), System.out).run();
        System.exit(0);
    }
}
