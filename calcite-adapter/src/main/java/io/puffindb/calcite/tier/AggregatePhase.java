package io.puffindb.calcite.tier;

/** Whether an aggregate computes its result at once, or one half of a split across an exchange. */
public enum AggregatePhase {
    SINGLE,
    /** Per task, next to the data: sums, counts, mins and maxes of each task's rows. */
    PARTIAL,
    /** Above the exchange: combines the partial results. */
    FINAL
}
