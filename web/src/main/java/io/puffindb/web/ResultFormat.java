package io.puffindb.web;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.util.Locale;

/**
 * How {@code puffindb query} prints an answer: an aligned table (with its row count and time), CSV, JSON,
 * or the service's Arrow IPC stream as it arrives (for another program to read).
 */
enum ResultFormat {
    TABLE, CSV, JSON, ARROW;

    static ResultFormat parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, "--format is table, csv, json or arrow, not '" + text + "'", e);
        }
    }
}
