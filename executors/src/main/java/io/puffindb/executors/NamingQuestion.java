package io.puffindb.executors;

import io.puffindb.calcite.PuffinDuckDbDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link ResultNames} asks DuckDB about a query: its texts, best first (the caller's own, then
 * the parsed query with its THROUGH clauses resolved, in DuckDB's dialect), and whether DuckDB may
 * order the columns otherwise than the plan: a {@code *} over a join {@code USING} or {@code NATURAL},
 * whose columns Calcite orders as the SQL standard does (the shared ones first) and DuckDB in the
 * left table's place.
 */
public record NamingQuestion(List<String> texts, boolean starOverUsingJoin) {
    private static final Logger LOG = LoggerFactory.getLogger(NamingQuestion.class);

    public NamingQuestion {
        texts = List.copyOf(texts);
    }

    /** The question about a query, taken before validation (which rewrites the tree). */
    public static NamingQuestion of(String sql, SqlNode parsed, SqlNode resolved) {
        List<String> texts = new ArrayList<>();
        if (resolved == parsed) {
            texts.add(sql); // no THROUGH: DuckDB reads the caller's text itself
        }
        render(resolved).ifPresent(texts::add);
        return new NamingQuestion(texts, starOverUsingJoin(resolved));
    }

    private static Optional<String> render(SqlNode query) {
        try {
            return Optional.of(query.toSqlString(config -> config.withDialect(PuffinDuckDbDialect.INSTANCE).withIndentation(0)).getSql());
        } catch (RuntimeException e) {
            LOG.debug("Could not render a query in DuckDB's dialect to name its columns: {}", e.toString());
            return Optional.empty();
        }
    }

    private static boolean starOverUsingJoin(SqlNode query) {
        boolean[] star = {false};
        boolean[] using = {false};
        query.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlSelect select) {
                    star[0] |= select.getSelectList().stream().anyMatch(item -> item instanceof SqlIdentifier identifier && identifier.isStar());
                }
                if (call instanceof SqlJoin join) {
                    using[0] |= join.isNatural() || join.getConditionType() == JoinConditionType.USING;
                }
                return super.visit(call);
            }
        });
        return star[0] && using[0];
    }
}
