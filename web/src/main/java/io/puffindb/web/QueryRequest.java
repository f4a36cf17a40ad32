package io.puffindb.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.io.IOException;

/** The body of {@code POST /v1/query}: {@code {"sql": "...", "queryId": "optional, for progress and cancel"}}. */
record QueryRequest(String sql, String queryId) {
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
        JsonNode queryId = tree.get("queryId");
        String id = queryId != null && queryId.isTextual() && !queryId.asText().isBlank() ? queryId.asText() : java.util.UUID.randomUUID().toString();
        return new QueryRequest(sql.asText(), id);
    }
}
