package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.cache.RamSettings;
import java.nio.file.Path;

/**
 * The CLI's own storage when it runs the CLIENT tier ({@code query --cache DIR}): its folder, the
 * byte budget of the lake files it caches there (its SSD layer), and of the hottest of them also
 * held in RAM (its RAM layer, on a RAM-backed file system; 0 turns it off).
 */
public record ClientConfig(Path folder, long ssdBytes, long ramBytes) {
    public ClientConfig {
        requireNonNull(folder, "folder is null");
    }

    /** ~/.puffindb/client, 2 GiB of files, 512 MiB of them in RAM where /dev/shm exists. */
    public static ClientConfig defaults() {
        return new ClientConfig(Path.of(System.getProperty("user.home"), ".puffindb", "client"), 2L << 30,
                RamSettings.hasSharedMemory() ? 512L << 20 : 0);
    }
}
