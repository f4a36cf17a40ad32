package io.puffindb.web.parameters;

import static java.lang.String.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The HTTP API's {@code "params"}: a JSON array of values, one per parameter, bound into the statement's
 * markers. A JSON integer is an integer, a JSON number with a fraction or exponent a DOUBLE, a string
 * VARCHAR, true/false BOOLEAN, null NULL; the types JSON has no value for come as
 * {@code {"type": "DATE" | "TIME" | "TIMESTAMP" | "DECIMAL", "value": "<text>"}}. A value that is none of
 * these is the caller's mistake, named by its parameter.
 */
public final class JsonParameters {
    private static final String SHAPES = "a number, a string, true, false, null, or {\"type\": \"DATE|TIME|TIMESTAMP|DECIMAL\", \"value\": \"<text>\"}";

    private JsonParameters() {
    }

    /** {@code sql} with its markers replaced by {@code params}' values ({@code params} null or missing: no values). */
    public static String bind(String sql, JsonNode params) {
        if (params != null && !params.isNull() && !params.isArray()) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, "\"params\" is a JSON array of values, one per parameter ($1, $2, ... or ?, ?, ...)");
        }
        ParameterMarkers markers = ParameterMarkers.of(sql);
        int given = params == null || params.isNull() ? 0 : params.size();
        if (markers.count() == 0 && given == 0) {
            return sql;
        }
        List<String> literals = new ArrayList<>(given);
        for (int i = 0; i < given; i++) {
            literals.add(ParameterLiterals.literal(value(i + 1, params.get(i))));
        }
        return markers.bind(literals);
    }

    private static Object value(int parameter, JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue();
        }
        if (node.isBigDecimal()) {
            // A mapper reading floats exactly: still JSON's number, a DOUBLE.
            return node.decimalValue().doubleValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isObject() && node.size() == 2 && node.path("type").isTextual() && node.path("value").isTextual()) {
            return typed(parameter, node.get("type").textValue(), node.get("value").textValue());
        }
        throw new PuffinException(ErrorCode.BAD_REQUEST, format("Parameter $%d: %s is not a parameter value; a value is %s", parameter, node, SHAPES));
    }

    private static Object typed(int parameter, String type, String text) {
        String name = type.strip().toUpperCase(Locale.ROOT);
        try {
            return switch (name) {
                case "DATE" -> LocalDate.parse(text);
                case "TIME" -> LocalTime.parse(text);
                case "TIMESTAMP" -> LocalDateTime.parse(text.strip().replace(' ', 'T'));
                case "DECIMAL" -> new BigDecimal(text.strip());
                default -> throw new PuffinException(ErrorCode.BAD_REQUEST,
                        format("Parameter $%d: type %s is not one a parameter can name; those are DATE, TIME, TIMESTAMP and DECIMAL", parameter, type));
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, format("Parameter $%d: '%s' is not a %s (%s)", parameter, text, name, example(name)), e);
        }
    }

    private static String example(String type) {
        return switch (type) {
            case "DATE" -> "e.g. 1995-03-15";
            case "TIME" -> "e.g. 13:45:00.5";
            case "TIMESTAMP" -> "e.g. 1995-03-15 13:45:00.5";
            default -> "its digits, e.g. \"1234.50\"";
        };
    }
}
