package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.puffindb.lake.store.StoredObject;
import io.puffindb.web.ClientCache;
import io.puffindb.web.ClientTier;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan split between the CLIENT tier and the service. The client's cache holds lineitem, the
 * service's caches hold nothing (the MONOSTORE's has no budget), so TPC-H Q14 is cheapest with the
 * join on the client: its DuckDB joins its cached lineitem with the rows of part that the service
 * reads from S3 and streams to it, and answers as DuckDB alone does.
 */
class ClientSplitTest {
    @TempDir
    static Path local;
    @TempDir
    static Path caches;
    @TempDir
    static Path clientFolder;
    static S3TpchLake lake;

    @BeforeAll
    static void start() throws Exception {
        lake = new S3TpchLake(local, caches, 0);
    }

    @AfterAll
    static void stop() throws Exception {
        lake.close();
    }

    @Test
    void aJoinOfWhatTheClientHoldsWithWhatItLacksRunsOnTheClientOverRowsFromTheService() throws Exception {
        ClientCache cache = new ClientCache(clientFolder, 1L << 30);
        ClientTier client = new ClientTier("http://127.0.0.1:" + lake.service.port(), cache, Duration.ofMinutes(1));
        QueryCase q14 = TpchCases.named("tpch-q14");
        ClientTier.Plan cold = client.plan(q14.sql());
        assertTrue(cold.clientSql().isEmpty(), "the client holds nothing: the service runs it all");
        hold(cache, cold.files(), "/tpch/lineitem/");

        ClientTier.Plan split = client.plan(q14.sql());
        assertTrue(split.clientSql().isPresent(), "the join runs on the client, over its lineitem");
        assertEquals(1, split.inputNames().size(), "part comes from the service");
        assertEquals(lake.filesOf("lineitem"), split.filesCachedHere());
        assertEquals(lake.filesOf("lineitem") + lake.filesOf("part"), split.files().size(), "the plan reads lineitem here and part on the service");
        long s3Bytes = lake.s3.bytesServed();
        ResultTable answer = client.runLocally(split, lake::read);
        ResultComparator.differences(lake.oracle.run(q14.sql(), lake.allocator), answer, false).ifPresent(difference -> fail("split run: " + difference));
        long read = lake.s3.bytesServed() - s3Bytes;
        assertTrue(read > 0 && read <= lake.bytesOf("part"), "the service read part from S3, and nothing else: " + read + " bytes");
    }

    @Test
    void anInputTheServiceDoesNotHoldIsNotFoundAndNamed() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + lake.service.port() + "/v1/client-input/no-such-token")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, response.statusCode());
        assertEquals("NOT_FOUND", new ObjectMapper().readTree(response.body()).path("error").path("code").asText(), response.body());
        assertTrue(response.body().contains("no-such-token"), response.body());
    }

    // Copies a table's files into the client's cache from the local copy of the lake, under the lake's names for them.
    private static void hold(ClientCache cache, List<StoredObject> files, String table) throws Exception {
        for (StoredObject file : files.stream().filter(file -> file.uri().contains(table)).toList()) {
            try (InputStream content = Files.newInputStream(local.resolve(file.uri().substring(S3TpchLake.LAKE.length() + 1)))) {
                assertTrue(cache.add(file, content));
            }
        }
    }
}
