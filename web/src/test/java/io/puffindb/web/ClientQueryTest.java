package io.puffindb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.lake.demo.GenerationProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code puffindb query --cache DIR} on a lake on local disk: the service's plan for the client
 * cannot run on it (the client holds no copies, and local lake files are read in place, never
 * copied), so the service answers and nothing is copied; an error still comes back as the service's.
 */
class ClientQueryTest {
    @TempDir
    Path lake;
    @TempDir
    Path cache;

    @Test
    void withoutCachedCopiesTheServiceAnswersAndNothingIsCopied() throws Exception {
        try (EmbeddedService service = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 1), GenerationProgress.SILENT)) {
            String server = "http://127.0.0.1:" + service.port();
            ClientCache clientCache = new ClientCache(cache, 1L << 20);
            ClientTier client = new ClientTier(server, clientCache, Duration.ofMinutes(1));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            QueryCommand command = new QueryCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Optional.empty());

            assertEquals(0, command.run("SELECT count(*) AS n FROM nation", client, server, Duration.ofMinutes(1)));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("25"), out.toString(StandardCharsets.UTF_8));
            assertTrue(clientCache.files().isEmpty(), "local lake files are not copied to the client");

            assertEquals(1, command.run("SELECT * FROM no_such_table", client, server, Duration.ofMinutes(1)));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("no_such_table"), err.toString(StandardCharsets.UTF_8));
        }
    }
}
