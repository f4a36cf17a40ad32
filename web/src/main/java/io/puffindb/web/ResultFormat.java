package io.puffindb.web;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.util.Locale;

/** How {@code puffindb query} prints an answer: an aligned table (with its row count and time), CSV, or JSON. */
enum ResultFormat {
    TABLE, CSV, JSON;

    static ResultFormat parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, "--format is table, csv or json, not '" + text + "'", e);
        }
    }
}
