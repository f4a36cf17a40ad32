package io.puffindb.executors.flight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import org.apache.arrow.flight.CallStatus;
import org.junit.jupiter.api.Test;

/** A task's failure keeps its cause and a code that says whose it is, as a worker reports it over Flight. */
class TaskFailuresTest {
    @Test
    void aWorkerThatWentAwayIsOursAndRetryable() {
        PuffinException lost = TaskFailures.of("f1-t0", CallStatus.UNAVAILABLE.withDescription("Network closed for unknown reason").toRuntimeException());
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, lost.code());
        assertTrue(lost.getMessage().contains("f1-t0") && lost.getMessage().contains("Network closed"), lost.getMessage());
    }

    @Test
    void aWorkersDuckDbOutOfMemoryIsAResourceError() {
        PuffinException oom = TaskFailures.of("f1-t1", CallStatus.INTERNAL
                .withDescription("Out of Memory Error: could not allocate block of size 256.0 KiB (1.9 GiB/1.9 GiB used)").toRuntimeException());
        assertEquals(ErrorCode.RESOURCE_EXHAUSTED, oom.code());
        assertTrue(oom.getMessage().contains("could not allocate block"), oom.getMessage());
    }

    @Test
    void anErrorInTheDataStaysTheCallersAndAnythingElseOurs() {
        assertEquals(ErrorCode.QUERY_FAILED, TaskFailures.of("f1-t2", CallStatus.INTERNAL
                .withDescription("Conversion Error: Could not convert string 'x' to INT32").toRuntimeException()).code());
        assertEquals(ErrorCode.INTERNAL_ERROR, TaskFailures.of("f1-t3", CallStatus.INTERNAL
                .withDescription("Binder Error: Referenced column \"y\" not found").toRuntimeException()).code());
    }

    @Test
    void aTaskPastTheSpillBudgetIsAResourceError() {
        PuffinException over = TaskFailures.of("f1-t4", CallStatus.INTERNAL
                .withDescription(SpillBudget.EXCEEDED + ": a task's output passed 4096 bytes").toRuntimeException());
        assertEquals(ErrorCode.RESOURCE_EXHAUSTED, over.code());
    }
}
