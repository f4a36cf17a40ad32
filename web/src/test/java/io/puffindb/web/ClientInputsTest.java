package io.puffindb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.executors.PreparedQuery;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.demo.GenerationProgress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's parts of split client plans: each read once, none kept past its time to live. */
class ClientInputsTest {
    @TempDir
    static Path lake;
    static EmbeddedService service;
    static PreparedQuery query;
    static final Caller ALICE = new Caller("alice", false);

    @BeforeAll
    static void start() throws Exception {
        service = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 1), GenerationProgress.SILENT);
        query = service.executor().prepare("SELECT count(*) FROM tpch.nation");
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    @Test
    void anInputIsTakenOnceThenNotFound() {
        ClientInputs inputs = new ClientInputs(Duration.ofMinutes(1));
        String token = inputs.hold(query, ALICE);
        assertSame(query, inputs.take(token, ALICE));
        PuffinException again = assertThrows(PuffinException.class, () -> inputs.take(token, ALICE));
        assertEquals(ErrorCode.NOT_FOUND, again.code());
        assertTrue(again.getMessage().contains(token), again.getMessage());
    }

    @Test
    void anInputNotAskedForInTimeIsDropped() throws Exception {
        ClientInputs inputs = new ClientInputs(Duration.ofMillis(1));
        String token = inputs.hold(query, ALICE);
        Thread.sleep(5);
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(PuffinException.class, () -> inputs.take(token, ALICE)).code());
    }

    @Test
    void anotherUsersInputIsNotFoundAndStaysForItsOwner() {
        ClientInputs inputs = new ClientInputs(Duration.ofMinutes(1));
        String token = inputs.hold(query, ALICE);
        PuffinException stranger = assertThrows(PuffinException.class, () -> inputs.take(token, new Caller("bob", false)));
        assertEquals(ErrorCode.NOT_FOUND, stranger.code());
        assertSame(query, inputs.take(token, ALICE));
    }
}
