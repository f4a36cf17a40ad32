package io.puffindb.calcite.tier;

import java.util.Locale;
import java.util.Optional;

/** The three places a piece of a plan can run, from the lake side to the caller's side. */
public enum Tier {
    /** The fleet of small caching workers: everything that splits by file. */
    LAMBDA,
    /** One big host with a big DuckDB: what does not distribute. */
    MONOSTORE,
    /** The caller's own embedded DuckDB. */
    CLIENT;

    /** The tier a THROUGH endpoint names ('lambda', 'monostore', 'client'), if it names one. */
    public static Optional<Tier> ofEndpoint(String endpoint) {
        for (Tier tier : values()) {
            if (tier.name().equalsIgnoreCase(endpoint.trim())) {
                return Optional.of(tier);
            }
        }
        return Optional.empty();
    }

    public String endpointName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
