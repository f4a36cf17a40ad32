package io.puffindb.executors.flight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an engine writes a task's handover output while it runs, before it goes to the Registry or
 * the object store: {@code puffindb-handover/<pid>} in the temporary directory, one folder per
 * process. A task deletes its file when it ends; what a killed process left is swept by the next one
 * that starts, which can tell a dead owner from a live one by its process id.
 */
public final class HandoverFolder {
    private static final Logger LOG = LoggerFactory.getLogger(HandoverFolder.class);
    private static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"), "puffindb-handover");

    /** This process's folder. */
    public static final Path OF_THIS_PROCESS = ROOT.resolve(String.valueOf(ProcessHandle.current().pid()));

    private HandoverFolder() {
    }

    /** Deletes the folders of processes that no longer run, and files left at the top by older versions. */
    public static void sweepDeadProcesses() {
        if (!Files.isDirectory(ROOT)) {
            return;
        }
        try (Stream<Path> entries = Files.list(ROOT)) {
            for (Path entry : entries.toList()) {
                if (!ownerIsAlive(entry)) {
                    deleteTree(entry);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not sweep the handover folder {}: {}", ROOT, e.getMessage());
        }
    }

    private static boolean ownerIsAlive(Path entry) {
        if (!Files.isDirectory(entry)) {
            return false;
        }
        try {
            long pid = Long.parseLong(entry.getFileName().toString());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void deleteTree(Path tree) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(tree)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }
}
