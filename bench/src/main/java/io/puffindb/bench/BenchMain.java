package io.puffindb.bench;

import io.puffindb.executors.cache.RamSettings;
import io.puffindb.lake.cache.RamCompression;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code puffindb bench tpch [--sf 1] [--workers 2] [--runs 3] [--lake DIR] [--queries DIR] [--json FILE]} and
 * {@code puffindb bench cache [--sf 1] [--workers 2] [--lake DIR] [--queries DIR] [--redis redis://127.0.0.1:6379]
 * [--ram-form tables|files] [--ram-compression compressed|uncompressed]} and
 * {@code puffindb bench ram [--sf 1] [--runs 3] [--lake DIR] [--queries DIR]} and
 * {@code puffindb bench explain [--sf 1] [--workers 2] [--lake DIR] [--queries DIR]} (EXPLAIN ANALYZE on the fleet) and
 * {@code puffindb bench plan [--sf 1] [--workers 2] [--runs 10] [--lake DIR] [--queries DIR]} (planning alone) and
 * {@code puffindb simulate [--data 1TB] [--workers 1,10,100,1000] [--cache warm|cold] [--queries DIR]} (a serverless fleet, predicted).
 */
public final class BenchMain {
    private static final String USAGE = """
            usage: puffindb bench tpch  [--sf 1] [--workers 2] [--runs 3] [--lake DIR] [--queries test-queries/cases/tpch] [--json FILE]
                   puffindb bench cache [--sf 1] [--workers 2] [--lake DIR] [--queries test-queries/cases/tpch] [--redis redis://127.0.0.1:6379]
                                        [--ram-form tables|files] [--ram-compression compressed|uncompressed]
                   puffindb bench ram   [--sf 1] [--runs 3] [--lake DIR] [--queries test-queries/cases/tpch]
                   puffindb bench explain [--sf 1] [--workers 2] [--lake DIR] [--queries test-queries/cases/tpch]
                   puffindb bench plan [--sf 1] [--workers 2] [--runs 10] [--lake DIR] [--queries test-queries/cases/tpch]
                   puffindb simulate [--data 1TB] [--workers 1,10,100,1000] [--cache warm|cold] [--queries test-queries/cases/tpch]""";

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !List.of("tpch", "cache", "ram", "explain", "plan", "simulate").contains(args[0])) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (args[0].equals("simulate")) {
            FleetSimulation.of(options, System.out).run();
            System.exit(0);
        }
        double scaleFactor = Double.parseDouble(options.getOrDefault("sf", "1"));
        int workers = Integer.parseInt(options.getOrDefault("workers", "2"));
        Path lake = Path.of(options.getOrDefault("lake", "bench-lake/sf" + options.getOrDefault("sf", "1")));
        Path queries = Path.of(options.getOrDefault("queries", "test-queries/cases/tpch"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        if (args[0].equals("tpch")) {
            new TpchBench(scaleFactor, workers, runs, lake, queries, Optional.ofNullable(options.get("json")).map(Path::of), System.out).run();
        } else if (args[0].equals("plan")) {
            new PlanningBench(scaleFactor, workers, Integer.parseInt(options.getOrDefault("runs", "10")), lake, queries, System.out).run();
        } else if (args[0].equals("explain")) {
            new FleetExplain(scaleFactor, workers, lake, queries, System.out).run();
        } else if (args[0].equals("ram")) {
            new RamFormsBench(scaleFactor, runs, lake, queries, RamSettings.defaults().dir().resolveSibling("puffindb-ram-bench"), System.out).run();
        } else {
            RamSettings ram = RamSettings.defaults()
                    .withForm(RamSettings.Form.parse(options.getOrDefault("ram-form", RamSettings.defaults().form().configName())))
                    .withCompression(RamCompression.parse(options.getOrDefault("ram-compression", RamSettings.defaults().compression().configName())));
            new CacheBench(scaleFactor, workers, lake, queries, options.getOrDefault("redis", "redis://127.0.0.1:6379"), ram, System.out).run();
        }
        System.exit(0);
    }
}
