package io.puffindb.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import io.puffindb.web.parameters.JsonParameters;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /v1/query}: {@code {"sql": "...", "params": [optional values of its $n/? markers],
 * "queryId": "optional, for progress and cancel", "schema": "optional, where unqualified table names resolve"}};
 * {@code sql} is the statement with its parameters bound.
 */
record QueryRequest(String sql, String queryId, Optional<String> schema) {
    private static final Pattern QUERY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    static QueryRequest parse(ObjectMapper json, byte[] body) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (IOException e) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, "The request body is not JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        JsonNode sql = tree == null ? null : tree.get("sql");
        if (sql == null || !sql.isTextual() || sql.asText().isBlank()) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, "The request body must be {\"sql\": \"<query>\"}");
        }
        String bound = JsonParameters.bind(sql.asText(), tree.get("params"));
        Optional<String> schema = schema(tree.get("schema"));
        JsonNode queryId = tree.get("queryId");
        if (queryId == null || queryId.isNull()) {
            return new QueryRequest(bound, UUID.randomUUID().toString(), schema);
        }
        if (!queryId.isTextual() || !QUERY_ID.matcher(queryId.asText()).matches()) {
            throw new PuffinException(ErrorCode.BAD_REQUEST,
                    "A queryId is 1 to 128 characters of letters, digits, '.', '_', ':' and '-' (it travels in headers and paths)");
        }
        return new QueryRequest(bound, queryId.asText(), schema);
    }

    private static Optional<String> schema(JsonNode schema) {
        if (schema == null || schema.isNull()) {
            return Optional.empty();
        }
        if (!schema.isTextual() || schema.asText().isBlank()) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, "A schema is the name of one of the service's schemas, as text");
        }
        return Optional.of(schema.asText());
    }
}
