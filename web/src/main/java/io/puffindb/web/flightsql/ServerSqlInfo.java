package io.puffindb.web.flightsql;

import org.apache.arrow.flight.sql.SqlInfoBuilder;
import org.apache.arrow.flight.sql.impl.FlightSql;

/** What GetSqlInfo tells clients about this server: its name and version, a read-only SQL engine that cancels queries, DuckDB's quoting. */
final class ServerSqlInfo {
    private ServerSqlInfo() {
    }

    static SqlInfoBuilder of(String version) {
        return new SqlInfoBuilder()
                .withFlightSqlServerName("PuffinDB")
                .withFlightSqlServerVersion(version)
                .withFlightSqlServerArrowVersion(org.apache.arrow.vector.VectorSchemaRoot.class.getPackage().getImplementationVersion() == null
                        ? "unknown" : org.apache.arrow.vector.VectorSchemaRoot.class.getPackage().getImplementationVersion())
                .withFlightSqlServerSql(true)
                .withFlightSqlServerSubstrait(false)
                .withFlightSqlServerReadOnly(true)
                .withFlightSqlServerCancel(true)
                .withFlightSqlServerTransaction(FlightSql.SqlSupportedTransaction.SQL_SUPPORTED_TRANSACTION_NONE)
                .withSqlIdentifierQuoteChar("\"")
                .withSqlSearchStringEscape("\\")
                .withSqlSchemaTerm("schema")
                .withSqlCatalogTerm("catalog")
                .withSqlDdlCatalog(false)
                .withSqlDdlSchema(false)
                .withSqlDdlTable(false)
                .withSqlSupportsColumnAliasing(true)
                .withSqlNullPlusNullIsNull(true)
                .withSqlSupportsTableCorrelationNames(true)
                .withSqlSupportsExpressionsInOrderBy(true)
                .withSqlSupportsLikeEscapeClause(true);
    }
}
