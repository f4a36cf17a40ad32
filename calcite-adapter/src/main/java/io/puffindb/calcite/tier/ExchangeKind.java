package io.puffindb.calcite.tier;

/** How rows cross from one tier's engines to another's. */
public enum ExchangeKind {
    /** Every producer task's rows go to the one consumer (LAMBDA to MONOSTORE, MONOSTORE to CLIENT). */
    GATHER,
    /** The one producer's rows go to every consumer task, whole (a small join side sent to the LAMBDA fleet). */
    BROADCAST,
    /** Every producer task's rows go to the consumer task that owns their key's hash (LAMBDA to LAMBDA). */
    HASH
}
