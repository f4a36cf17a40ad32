package io.puffindb.bench;

import io.puffindb.executors.PreparedQuery;
import io.puffindb.executors.QueryExecutor;
import io.puffindb.executors.RunningQuery;
import io.puffindb.lake.demo.TpchLakeGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What every bench shares: the TPC-H lake (generated once), the query case files, and running a query to its last row. */
final class BenchQueries {
    private BenchQueries() {
    }

    /** A query case: its file name without ".sql", and its text. */
    record Query(String name, String sql) {
    }

    /** The TPC-H schema folder under {@code lake}, generated (with progress) when missing. */
    static Path tpchLake(Path lake, double scaleFactor, PrintStream out) {
        Path schema = lake.resolve("tpch");
        if (!Files.isDirectory(schema)) {
            out.printf("Generating TPC-H SF %s into %s%n", scaleFactor, schema);
            new TpchLakeGenerator(scaleFactor).generate(schema, new ConsoleProgress(out));
        }
        return schema;
    }

    /** The cases in {@code folder}, by name. */
    static List<Query> in(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> sorted = files.filter(file -> file.toString().endsWith(".sql")).sorted().toList();
            List<Query> queries = new ArrayList<>();
            for (Path file : sorted) {
                queries.add(new Query(file.getFileName().toString().replace(".sql", ""), sqlOf(file)));
            }
            return queries;
        }
    }

    // Case files start with "-- key: value" header lines; the rest is the query.
    private static String sqlOf(Path file) throws IOException {
        return Files.readAllLines(file).stream().dropWhile(line -> line.startsWith("--")).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    /** Runs a planned query and reads every batch; answers the row count. */
    static long drain(QueryExecutor executor, PreparedQuery prepared) throws Exception {
        long rows = 0;
        try (RunningQuery running = executor.run(prepared)) {
            while (running.nextBatch()) {
                rows += running.batch().getRowCount();
            }
        }
        return rows;
    }

    /** Plans and runs the query; answers the row count. */
    static long run(QueryExecutor executor, String sql) throws Exception {
        return drain(executor, executor.prepare(sql));
    }
}
