package io.puffindb.web.parameters;

import static java.lang.String.format;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.SqlLiterals;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * A parameter's value as a SQL literal of its exact type: a DECIMAL keeps its digits, a DOUBLE stays a
 * DOUBLE, a DATE, TIME or TIMESTAMP is a typed literal, text is quoted, NULL is NULL. The one binding of
 * values for Flight SQL's prepared statements and the HTTP API's parameters.
 */
public final class ParameterLiterals {
    private ParameterLiterals() {
    }

    /** The literal of a Java value (null, Boolean, an integer type, BigDecimal, Double/Float, String, LocalDate/LocalDateTime/LocalTime). */
    public static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Boolean bool) {
            return bool ? "TRUE" : "FALSE";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                return "CAST(" + SqlLiterals.string(String.valueOf(number)) + " AS DOUBLE)";
            }
            return "CAST(" + BigDecimal.valueOf(number).toPlainString() + " AS DOUBLE)";
        }
        if (value instanceof String text) {
            return SqlLiterals.string(text);
        }
        if (value instanceof LocalDate date) {
            return "DATE " + SqlLiterals.string(date.toString());
        }
        if (value instanceof LocalDateTime timestamp) {
            return "TIMESTAMP " + SqlLiterals.string(timestamp.toLocalDate() + " " + clock(timestamp.toLocalTime()));
        }
        if (value instanceof LocalTime time) {
            return "TIME " + SqlLiterals.string(clock(time));
        }
        throw new PuffinException(ErrorCode.UNSUPPORTED_TYPE, format("A parameter of Java type %s cannot be bound (value %s)",
                value.getClass().getSimpleName(), value));
    }

    // HH:mm:ss with the fraction only when there is one (LocalTime's own text drops zero seconds, which SQL's literals need).
    private static String clock(LocalTime time) {
        String seconds = String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
        if (time.getNano() == 0) {
            return seconds;
        }
        String fraction = String.format("%09d", time.getNano()).replaceAll("0+$", "");
        return seconds + "." + fraction;
    }
}
