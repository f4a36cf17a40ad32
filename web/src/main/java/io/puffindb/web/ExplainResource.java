package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.puffindb.executors.ExplainText;
import io.puffindb.executors.Explanation;
import io.puffindb.executors.QueryExecutor;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.util.List;

/**
 * {@code GET /v1/explain?sql=...}: the placed plan as a JSON tree and as text ({@code &format=text}
 * for text only); {@code &analyze=true} runs the query and adds what each fragment's tasks did.
 */
final class ExplainResource {
    private static final List<String> FORMATS = List.of("json", "text");

    private final QueryExecutor executor;

    ExplainResource(QueryExecutor executor) {
        this.executor = requireNonNull(executor, "executor is null");
    }

    void explain(Context ctx) {
        String sql = ctx.queryParam("sql");
        if (sql == null || sql.isBlank()) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, "Missing query parameter 'sql'");
        }
        String format = ctx.queryParamAsClass("format", String.class).getOrDefault("json");
        if (!FORMATS.contains(format)) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, "Unknown format '" + format + "': the formats are " + String.join(", ", FORMATS));
        }
        Explanation explanation;
        if ("true".equals(ctx.queryParam("analyze"))) {
            explanation = executor.explainAnalyze(sql);
        } else {
            explanation = executor.explain(sql);
        }
        if (format.equals("text")) {
            ctx.contentType("text/plain").result(ExplainText.render(explanation));
        } else {
            ctx.json(explanation);
        }
    }
}
