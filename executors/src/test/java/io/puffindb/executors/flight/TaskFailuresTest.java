package io.puffindb.executors.flight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.junit.jupiter.api.Test;

/** A task's failure as the MONOSTORE reads it from a worker's Flight status: by the type the worker sent, never by its text. */
class TaskFailuresTest {
    @Test
    void aWorkerThatWentAwayIsOursAndRetryable() {
        PuffinException lost = TaskFailures.of("f1-t0", CallStatus.UNAVAILABLE.withDescription("Network closed for unknown reason").toRuntimeException());
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, lost.code());
        assertTrue(lost.getMessage().contains("f1-t0") && lost.getMessage().contains("Network closed"), lost.getMessage());
        assertTrue(TaskFailures.retryable(lost));
    }

    @Test
    void aCallersErrorKeepsItsCodeAndDuckDbsMessageAndIsNotRetried() {
        String duckDb = "Task f1-t2 failed: Conversion Error: Could not convert string 'x' to INT32";
        FlightRuntimeException status = TaskErrorStatus.of(new PuffinException(ErrorCode.QUERY_FAILED, duckDb));
        assertEquals(FlightStatusCode.INVALID_ARGUMENT, status.status().code());
        assertEquals(TaskErrorStatus.CALLER, status.status().metadata().get(TaskErrorStatus.FAULT));
        PuffinException read = TaskFailures.of("f1-t2", status);
        assertEquals(ErrorCode.QUERY_FAILED, read.code());
        assertEquals(duckDb, read.getMessage());
        assertFalse(TaskFailures.retryable(read));
    }

    @Test
    void anEnginesErrorKeepsItsCodeAndIsRetried() {
        FlightRuntimeException status = TaskErrorStatus.of(new PuffinException(ErrorCode.RESOURCE_EXHAUSTED, "Out of Memory Error: could not allocate"));
        assertEquals(FlightStatusCode.INTERNAL, status.status().code());
        assertEquals(TaskErrorStatus.ENGINE, status.status().metadata().get(TaskErrorStatus.FAULT));
        PuffinException read = TaskFailures.of("f1-t1", status);
        assertEquals(ErrorCode.RESOURCE_EXHAUSTED, read.code());
        assertTrue(TaskFailures.retryable(read));
    }

    @Test
    void anUntypedStatusIsOursWhateverItsTextSays() {
        // No engine typed it: a text that looks like DuckDB's data error does not make it the caller's.
        PuffinException read = TaskFailures.of("f1-t3", CallStatus.INTERNAL
                .withDescription("Conversion Error: Could not convert string 'x' to INT32").toRuntimeException());
        assertEquals(ErrorCode.INTERNAL_ERROR, read.code());
        assertTrue(TaskFailures.retryable(read));
    }

    @Test
    void aCodeThisBuildDoesNotKnowIsARemoteFailure() {
        org.apache.arrow.flight.ErrorFlightMetadata metadata = new org.apache.arrow.flight.ErrorFlightMetadata();
        metadata.insert(TaskErrorStatus.CODE, "SOME_FUTURE_CODE");
        PuffinException read = TaskFailures.of("f1-t4", CallStatus.INTERNAL.withDescription("new").withMetadata(metadata).toRuntimeException());
        assertEquals(ErrorCode.REMOTE_FAILED, read.code());
    }
}
