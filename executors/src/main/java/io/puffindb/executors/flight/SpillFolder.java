package io.puffindb.executors.flight;

import io.puffindb.lake.store.ObjectStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handover spill folder when it is on this machine ({@code <spill>/<queryId>/<taskId>.arrows}):
 * a query's folder goes with its last spill, and what outlived its result TTL (a service killed
 * mid-query) is swept when a service starts. Spills under an object store prefix are deleted per
 * task by the reader; a prefix has no folder to remove.
 */
public final class SpillFolder {
    private static final Logger LOG = LoggerFactory.getLogger(SpillFolder.class);

    private SpillFolder() {
    }

    /** Removes the query's folder once it is empty (another stage of the query may still be writing). */
    static void removeQueryFolder(ObjectStores stores, String spillFolder, String queryId) {
        local(stores, spillFolder).ifPresent(folder -> {
            try {
                Files.deleteIfExists(folder.resolve(queryId));
            } catch (DirectoryNotEmptyException stillInUse) {
                // the last stage of the query removes it
            } catch (IOException e) {
                LOG.warn("Could not remove the spill folder of query {}: {}", queryId, e.getMessage());
            }
        });
    }

    /** Deletes spills older than {@code ttl}: their Registry entries expired, no reader can want them. */
    public static void sweepStale(ObjectStores stores, String spillFolder, Duration ttl) {
        local(stores, spillFolder).filter(Files::isDirectory).ifPresent(folder -> {
            Instant before = Instant.now().minus(ttl);
            // Ages are read before anything is deleted: deleting a file makes its folder look new.
            List<Path> stale;
            try (Stream<Path> walk = Files.walk(folder)) {
                stale = walk.filter(path -> !path.equals(folder) && modifiedBefore(path, before)).sorted(Comparator.reverseOrder()).toList();
            } catch (IOException | UncheckedIOException e) {
                LOG.warn("Could not sweep the spill folder {}: {}", folder, e.getMessage());
                return;
            }
            for (Path path : stale) {
                try {
                    Files.deleteIfExists(path);
                } catch (DirectoryNotEmptyException stillHolding) {
                    // a fresh spill inside: kept
                } catch (IOException e) {
                    LOG.warn("Could not delete the stale spill {}: {}", path, e.getMessage());
                }
            }
        });
    }

    private static boolean modifiedBefore(Path path, Instant before) {
        try {
            return Files.getLastModifiedTime(path).toInstant().isBefore(before);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> local(ObjectStores stores, String spillFolder) {
        return stores.forLocation(spillFolder).isLocal() ? Optional.of(Path.of(ObjectStores.location(spillFolder)))
                : Optional.empty();
    }
}
