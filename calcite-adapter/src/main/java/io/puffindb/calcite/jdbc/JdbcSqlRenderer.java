package io.puffindb.calcite.jdbc;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.rel2sql.RelToSqlConverter;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Writes a part of a plan that reads one database as that database's SQL, as Calcite's JDBC adapter
 * does. Every column of the answer is cast to the type the plan gave it, so the rows arrive typed as
 * the rest of the query expects (a PostgreSQL {@code sum} is a NUMERIC of no declared scale, say).
 */
public final class JdbcSqlRenderer {
    private static final String DERIVED = "t";

    private JdbcSqlRenderer() {
    }

    /** @param types the type each column of {@code plan} is sent as */
    public static String render(RelNode plan, List<RelDataType> types, SqlDialect dialect) {
        SqlNode query = new Converter(dialect).visitRoot(plan).asStatement();
        List<RelDataTypeField> fields = plan.getRowType().getFieldList();
        // The derived table names its columns by position, so generated names of the inner query never matter.
        List<SqlNode> aliased = new ArrayList<>(List.of(query, identifier(DERIVED)));
        List<SqlNode> casts = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            aliased.add(identifier("c" + i));
            SqlNode column = new SqlIdentifier(ImmutableList.of(DERIVED, "c" + i), SqlParserPos.ZERO);
            SqlNode type = castSpec(dialect, types.get(i));
            SqlNode cast = SqlStdOperatorTable.CAST.createCall(SqlParserPos.ZERO, column, type);
            casts.add(SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, cast, identifier(fields.get(i).getName())));
        }
        SqlNode from = SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, aliased);
        SqlSelect outer = new SqlSelect(SqlParserPos.ZERO, null, new SqlNodeList(casts, SqlParserPos.ZERO), from,
                null, null, null, null, null, null, null, null, null);
        return outer.toSqlString(config -> config.withDialect(dialect).withIndentation(0).withClauseStartsLine(false)
                .withSelectListItemsOnSeparateLines(false)).getSql();
    }

    // The dialect's name for the type (PostgreSQL's DOUBLE PRECISION, say), but a DECIMAL at its full precision, which
    // dialects would cut to their type system's default maximum (19).
    private static SqlNode castSpec(SqlDialect dialect, RelDataType type) {
        SqlNode spec = type.getSqlTypeName() == SqlTypeName.DECIMAL ? null : dialect.getCastSpec(type);
        return spec != null ? spec : (SqlDataTypeSpec) SqlTypeUtil.convertTypeToSpec(type);
    }

    private static SqlIdentifier identifier(String name) {
        return new SqlIdentifier(name, SqlParserPos.ZERO);
    }

    /** Public only because Calcite dispatches {@code visit} methods by reflection. */
    public static final class Converter extends RelToSqlConverter {
        Converter(SqlDialect dialect) {
            super(dialect);
        }

        /** A table by its name in the database, not by where it is mounted here. */
        @Override
        public Result visit(TableScan scan) {
            JdbcSourceTable table = scan.getTable().unwrap(JdbcSourceTable.class);
            if (table == null) {
                return super.visit(scan);
            }
            SqlIdentifier name = new SqlIdentifier(table.remoteName(), SqlParserPos.ZERO);
            return result(name, ImmutableList.of(Clause.FROM), scan, null);
        }
    }
}
