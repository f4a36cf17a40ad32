package io.puffindb.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.lake.demo.MiscLakeGenerator;
import io.puffindb.lake.store.LocalObjectStore;
import io.puffindb.lake.store.MetadataCopies;
import io.puffindb.lake.store.ObjectStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-made tables of the demo lake: what they hold, the progress they report, and that a second run leaves them alone. */
class MiscDemoLakeTest {
    @TempDir
    Path lakeRoot;

    @Test
    void writesTheHandMadeTablesReportingEachOnce() throws Exception {
        List<String> progress = new ArrayList<>();
        MiscLakeGenerator.writeMissing(lakeRoot, (table, done, expected) -> progress.add(table + " " + done + "/" + expected));

        assertEquals(List.of("misc.cities 5/5", "misc.nested 3/3", "misc.nothing 0/0", "misc.people 6/6", "misc.texts 14/14", "misc.visits 7/7"),
                progress);
        try (FileMetadataReader reader = new FileMetadataReader()) {
            ObjectStores stores = new ObjectStores(List.of(new LocalObjectStore()));
            FolderLake lake = new FolderLake(lakeRoot.toString(), stores, new MetadataCopies(lakeRoot.resolve(".footers"), stores), reader);
            assertEquals(MiscLakeGenerator.tableNames(), lake.tableNames("misc"));
            assertEquals(2, lake.table("misc", "visits").orElseThrow().splits().size(), "visits is split over two files");
            assertEquals(0, lake.table("misc", "nothing").orElseThrow().rowCount());
        }
    }

    @Test
    void leavesTablesThatAreThereAlone() throws Exception {
        MiscLakeGenerator.writeMissing(lakeRoot, (table, done, expected) -> { });
        Path people = lakeRoot.resolve("misc").resolve("people");
        Path marker = Files.writeString(people.resolve("marker.txt"), "kept");
        deleteFolder(lakeRoot.resolve("misc").resolve("texts"));

        List<String> rewritten = new ArrayList<>();
        MiscLakeGenerator.writeMissing(lakeRoot, (table, done, expected) -> rewritten.add(table));

        assertEquals(List.of("misc.texts"), rewritten);
        assertTrue(Files.exists(marker));
        try (Stream<Path> children = Files.list(lakeRoot.resolve("misc"))) {
            assertEquals(List.of("cities", "nested", "nothing", "people", "texts", "visits"),
                    children.map(child -> child.getFileName().toString()).sorted().toList(), "no staging folder is left");
        }
    }

    private static void deleteFolder(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }
}
