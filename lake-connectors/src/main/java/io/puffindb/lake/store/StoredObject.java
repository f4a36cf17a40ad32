package io.puffindb.lake.store;

import static java.util.Objects.requireNonNull;

/**
 * A file in an object store as listed: its location ({@code s3://bucket/key} or a local path), size
 * and a version that changes whenever its content may have (the ETag on S3, size and mtime on disk).
 */
public record StoredObject(String uri, long size, String version) {
    public StoredObject {
        requireNonNull(uri, "uri is null");
        requireNonNull(version, "version is null");
    }

    /**
     * True when engines cannot open the location themselves and read a cached copy instead. (Not
     * named isRemote: tasks carry these as JSON, and a bean-style name would become a field.)
     */
    public boolean needsFetching() {
        return uri.contains("://") && !uri.startsWith("file://");
    }

    /** The last path segment: {@code part-0.parquet}. */
    public String fileName() {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }
}
