package io.puffindb.lake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Listings of S3-compatible stores that send no ETag still give every file a version. */
class S3ObjectVersionTest {
    private static final Instant MODIFIED = Instant.parse("2026-11-30T10:15:30.123Z");

    @Test
    void anETagIsTheVersion() {
        assertEquals("\"abc\"", S3ObjectStore.versionOf("\"abc\"", 10, MODIFIED));
    }

    @Test
    void withoutAnETagSizeAndLastModifiedAreTheVersion() {
        String version = S3ObjectStore.versionOf(null, 10, MODIFIED);
        assertEquals("10@" + MODIFIED.toEpochMilli(), version);
        assertEquals(version, S3ObjectStore.versionOf("", 10, MODIFIED), "an empty ETag is none");
        assertNotEquals(version, S3ObjectStore.versionOf(null, 10, MODIFIED.plusSeconds(1)), "a rewritten file is another version");
    }
}
