package io.puffindb.testqueries;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/** Cluster secret files for tests that start worker processes. */
final class SecretFiles {
    private SecretFiles() {
    }

    /** A new random secret in {@code folder}/cluster-secret. */
    static Path write(Path folder) throws IOException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Files.writeString(Files.createDirectories(folder).resolve("cluster-secret"), Base64.getEncoder().encodeToString(secret));
    }
}
