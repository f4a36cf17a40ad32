package io.puffindb.calcite.through;

/**
 * How far one query may spread over other services: {@code maxDepth} nested remote THROUGHs (a
 * cascade, each level holding a request open on the next service, itself maybe) and {@code maxFanIn}
 * remote THROUGHs this service contacts for one query.
 */
public record ThroughLimits(int maxDepth, int maxFanIn) {
    /** Small: real federations nest a level or two and read from a handful of services. */
    public static final ThroughLimits DEFAULTS = new ThroughLimits(4, 8);

    public ThroughLimits {
        if (maxDepth < 1 || maxFanIn < 1) {
            throw new IllegalArgumentException("THROUGH limits must be at least 1, got depth " + maxDepth + " and fan-in " + maxFanIn);
        }
    }
}
