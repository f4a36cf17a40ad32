package io.puffindb.registry;

/** The cache layers of a deployment, from the lake up towards the caller (the seed's reactive caching). */
public enum CacheLayer {
    /** A LAMBDA worker's local SSD. */
    WORKER_SSD,
    /** The MONOSTORE's SSD. */
    MONOSTORE_SSD,
    /** The MONOSTORE's RAM (DuckDB in-memory tables). */
    MONOSTORE_RAM,
    /** The caller's own SSD ({@code puffindb query --cache DIR}). */
    CLIENT_SSD,
    /** The caller's own RAM. */
    CLIENT_RAM
}
