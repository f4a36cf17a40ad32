package io.puffindb.calcite.parser;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * PuffinDB's parser settings: Calcite's grammar with THROUGH and CREATE TABLE AS, DuckDB/PostgreSQL
 * conventions (double-quoted identifiers, unquoted ones case-insensitive, LIMIT/OFFSET).
 */
public final class PuffinParserConfig {
    private PuffinParserConfig() {
    }

    public static SqlParser.Config config() {
        return SqlParser.config()
                .withParserFactory(PuffinSqlParserImpl.FACTORY)
                .withQuoting(Quoting.DOUBLE_QUOTE)
                .withUnquotedCasing(Casing.UNCHANGED)
                .withQuotedCasing(Casing.UNCHANGED)
                .withCaseSensitive(false)
                .withConformance(PuffinConformance.INSTANCE);
    }
}
