package io.puffindb.bench;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.cache.RamCompression;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What each form of a RAM layer is worth, measured on DuckDB alone so nothing else counts: TPC-H
 * over the Parquet files on disk (the OS page cache holds them after the warm-up), over copies in a
 * RAM-backed folder (as stored, and rewritten uncompressed as the RAM layer writes them), and over
 * DuckDB in-memory tables (compressed and not). Prints per query the median time of each form, the
 * geometric mean of each against the files on disk, and the RAM each form takes.
 */
final class RamFormsBench {
    private final double scaleFactor;
    private final int runs;
    private final Path lake;
    private final Path queries;
    private final Path ramDir;
    private final PrintStream out;

    /** One way of holding the data, and the RAM it takes. */
    private record Form(String name, DuckDbAlone duckdb, long ramBytes) {
    }

    RamFormsBench(double scaleFactor, int runs, Path lake, Path queries, Path ramDir, PrintStream out) {
        this.scaleFactor = scaleFactor;
        this.runs = runs;
        this.lake = requireNonNull(lake, "lake is null");
        this.queries = requireNonNull(queries, "queries is null");
        this.ramDir = requireNonNull(ramDir, "ramDir is null");
        this.out = requireNonNull(out, "out is null");
    }

    void run() throws Exception {
        Path schema = BenchQueries.tpchLake(lake, scaleFactor, out);
        List<BenchQueries.Query> cases = BenchQueries.in(queries);
        Path asStored = ramDir.resolve("as-stored");
        Path uncompressed = ramDir.resolve("uncompressed");
        List<Form> forms = new ArrayList<>();
        try {
            copyTables(schema, asStored, RamCompression.COMPRESSED);
            copyTables(schema, uncompressed, RamCompression.UNCOMPRESSED);
            out.println("  loading in-memory tables...");
            forms.add(new Form("files on disk", new DuckDbAlone(schema), 0));
            forms.add(new Form("files in RAM", new DuckDbAlone(asStored), Folders.bytesUnder(asStored)));
            forms.add(new Form("uncompressed files in RAM", new DuckDbAlone(uncompressed), Folders.bytesUnder(uncompressed)));
            DuckDbAlone compressedTables = DuckDbAlone.inMemory(schema, true);
            forms.add(new Form("compressed tables", compressedTables, compressedTables.inMemoryTableBytes()));
            DuckDbAlone plainTables = DuckDbAlone.inMemory(schema, false);
            forms.add(new Form("uncompressed tables", plainTables, plainTables.inMemoryTableBytes()));
            measure(cases, forms);
        } finally {
            for (Form form : forms) {
                form.duckdb().close();
            }
            Folders.deleteTree(ramDir);
        }
    }

    private void measure(List<BenchQueries.Query> cases, List<Form> forms) throws Exception {
        out.printf("%nTPC-H SF %s on DuckDB alone, %d queries, median of %d runs after a warm-up, by where the data is held (ms):%n%n",
                scaleFactor, cases.size(), runs);
        out.printf("%-6s", "query");
        forms.forEach(form -> out.printf(" %26s", form.name()));
        out.println();
        List<GeometricMean> means = forms.stream().map(form -> new GeometricMean()).toList();
        for (BenchQueries.Query query : cases) {
            out.printf("%-6s", query.name());
            double onDisk = 0;
            for (int i = 0; i < forms.size(); i++) {
                DuckDbAlone duckdb = forms.get(i).duckdb();
                duckdb.run(query.sql());
                double millis = Timing.medianMillis(runs, () -> duckdb.run(query.sql()));
                onDisk = i == 0 ? millis : onDisk;
                means.get(i).add(millis / Math.max(onDisk, 0.001));
                out.printf(" %26.1f", millis);
            }
            out.println();
        }
        out.printf("%n%-26s %14s %10s%n", "form", "vs disk (geo)", "RAM MB");
        for (int i = 0; i < forms.size(); i++) {
            out.printf("%-26s %14.2f %10.1f%n", forms.get(i).name(), means.get(i).value(), forms.get(i).ramBytes() / 1e6);
        }
    }

    // Each table folder's Parquet files, copied as the RAM layer of files writes them.
    private void copyTables(Path schema, Path target, RamCompression compression) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(schema)) {
            files = all.filter(file -> file.toString().endsWith(".parquet")).sorted().toList();
        }
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            Path copy = target.resolve(schema.relativize(file));
            Files.createDirectories(copy.getParent());
            Files.deleteIfExists(copy);
            compression.copy(file, copy);
            out.printf("\r  copying into %s, %s: %d/%d files", ramDir, compression.configName(), i + 1, files.size());
        }
        out.println();
    }
}
