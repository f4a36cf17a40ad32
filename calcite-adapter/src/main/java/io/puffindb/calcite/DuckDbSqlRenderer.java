package io.puffindb.calcite;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.puffindb.calcite.parser.SqlDescribeDuckDb;
import io.puffindb.calcite.tier.TierExchange;
import io.puffindb.calcite.tier.TierSummarize;
import io.puffindb.lake.LakeTable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.RepeatUnion;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rel.rel2sql.RelToSqlConverter;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.Util;

/**
 * Turns a plan (or a fragment of one) into the DuckDB SQL that runs it, the way Calcite's JDBC
 * adapter renders a subtree for its database; table scans become readers over explicit files.
 */
public final class DuckDbSqlRenderer {
    private final ScanFiles scanFiles;
    private final Function<TierExchange, String> exchangeInputs;

    /**
     * @param scanFiles which files each scan reads, and from where
     * @param exchangeInputs the name under which an exchange's rows are registered in the engine
     *     that runs the rendered SQL (a fragment's inputs from other tiers)
     */
    public DuckDbSqlRenderer(ScanFiles scanFiles, Function<TierExchange, String> exchangeInputs) {
        this.scanFiles = requireNonNull(scanFiles, "scanFiles is null");
        this.exchangeInputs = requireNonNull(exchangeInputs, "exchangeInputs is null");
    }

    public String render(RelNode plan) {
        SqlNode sql = new Converter(scanFiles, exchangeInputs).visitRoot(plan).asStatement();
        OutputNames.apply(sql, plan.getRowType().getFieldNames());
        return sql.toSqlString(config -> config.withDialect(PuffinDuckDbDialect.INSTANCE)
                .withAlwaysUseParentheses(false)
                .withIndentation(0)
                .withClauseStartsLine(false)
                .withSelectListItemsOnSeparateLines(false)).getSql();
    }

    /** Public only because Calcite dispatches {@code visit} methods by reflection. */
    public static final class Converter extends RelToSqlConverter {
        private final ScanFiles scanFiles;
        private final Function<TierExchange, String> exchangeInputs;

        Converter(ScanFiles scanFiles, Function<TierExchange, String> exchangeInputs) {
            super(PuffinDuckDbDialect.INSTANCE);
            this.scanFiles = scanFiles;
            this.exchangeInputs = exchangeInputs;
        }

        /** Rows from another tier: a stream registered in this engine under a name, read like a table. */
        public Result visit(TierExchange exchange) {
            SqlIdentifier input = new SqlIdentifier(exchangeInputs.apply(exchange), SqlParserPos.ZERO);
            return result(input, ImmutableList.of(Clause.FROM), exchange, null);
        }

        /**
         * Literal rows whose text DuckDB would type otherwise ({@code 12.35} as DECIMAL(4,2) where the
         * plan says DECIMAL(10,2)) are read through a projection that casts such columns to their type.
         */
        @Override
        public Result visit(Values values) {
            Result rows = super.visit(values);
            List<RelDataTypeField> fields = values.getRowType().getFieldList();
            List<SqlNode> columns = new ArrayList<>();
            boolean cast = false;
            for (int i = 0; i < fields.size(); i++) {
                int column = i;
                SqlNode name = new SqlIdentifier(fields.get(i).getName(), SqlParserPos.ZERO);
                if (values.getTuples().stream().allMatch(tuple -> readsAsTyped(tuple.get(column)))) {
                    columns.add(name);
                } else {
                    cast = true;
                    columns.add(SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, castTo(name, fields.get(i).getType()), name));
                }
            }
            if (!cast) {
                return rows;
            }
            SqlSelect typed = new SqlSelect(SqlParserPos.ZERO, null, new SqlNodeList(columns, SqlParserPos.ZERO), rows.asFrom(),
                    null, null, null, null, null, null, null, null, null);
            return result(typed, ImmutableList.of(Clause.SELECT), values, null);
        }

        // A typed NULL (NULL::INTEGER) is written as a bare NULL among the rows, which DuckDB reads as of type NULL.
        private static boolean readsAsTyped(RexLiteral literal) {
            return literal.isNull() ? literal.getType().getSqlTypeName() == SqlTypeName.NULL : TypedLiterals.readsAsTyped(literal);
        }

        private static SqlNode castTo(SqlNode value, RelDataType type) {
            SqlNode spec = PuffinDuckDbDialect.INSTANCE.getCastSpec(type);
            return SqlStdOperatorTable.CAST.createCall(SqlParserPos.ZERO, value, spec != null ? spec : SqlTypeUtil.convertTypeToSpec(type));
        }

        /**
         * A recursive CTE as DuckDB's {@code WITH RECURSIVE}, named after the transient table the
         * iterative part scans (that scan renders as the CTE's name), with the CTE's own column names.
         */
        public Result visit(RepeatUnion union) {
            SqlIdentifier name = new SqlIdentifier(Util.last(union.getTransientTable().getQualifiedName()), SqlParserPos.ZERO);
            SqlNodeList columns = new SqlNodeList(SqlParserPos.ZERO);
            union.getTransientTable().getRowType().getFieldNames().forEach(column -> columns.add(new SqlIdentifier(column, SqlParserPos.ZERO)));
            SqlNode steps = (union.all ? SqlStdOperatorTable.UNION_ALL : SqlStdOperatorTable.UNION).createCall(SqlParserPos.ZERO,
                    visitInput(union, 0).asQueryOrValues(), visitInput(union, 1).asQueryOrValues());
            SqlWithItem cte = new SqlWithItem(SqlParserPos.ZERO, name, columns, steps, SqlLiteral.createBoolean(true, SqlParserPos.ZERO));
            // The plan above names the columns as the repeat-union does (after the seed's, EXPR$0 for "select 1").
            SqlNodeList renamed = new SqlNodeList(SqlParserPos.ZERO);
            List<String> planNames = union.getRowType().getFieldNames();
            for (int i = 0; i < planNames.size(); i++) {
                renamed.add(SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, columns.get(i), new SqlIdentifier(planNames.get(i), SqlParserPos.ZERO)));
            }
            SqlSelect all = new SqlSelect(SqlParserPos.ZERO, null, renamed, name, null, null, null, null, null, null, null, null, null);
            // Read as a derived table: Calcite's converter builds on a FROM item, not on a bare WITH.
            SqlNode with = aliased(new SqlWith(SqlParserPos.ZERO, SqlNodeList.of(cte), all), name.getSimple());
            return result(with, ImmutableList.of(Clause.FROM), union, null);
        }

        /**
         * DuckDB's SUMMARIZE of the input, read as a table ({@code SELECT * FROM (SUMMARIZE ...)}, which
         * DESCRIBE also takes), over the input's columns named as the answer names them.
         */
        public Result visit(TierSummarize summarize) {
            SqlNode input = visitInput(summarize, 0).asStatement();
            List<String> inputNames = summarize.getInput().getRowType().getFieldNames();
            OutputNames.apply(input, inputNames);
            SqlNodeList columns = new SqlNodeList(SqlParserPos.ZERO);
            for (int i = 0; i < summarize.columnNames().size(); i++) {
                columns.add(SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, new SqlIdentifier(inputNames.get(summarize.inputColumns().get(i)),
                        SqlParserPos.ZERO), new SqlIdentifier(summarize.columnNames().get(i), SqlParserPos.ZERO)));
            }
            SqlSelect answer = new SqlSelect(SqlParserPos.ZERO, null, columns, aliased(input, "answer"), null, null, null, null, null, null, null,
                    null, null);
            SqlSelect summary = new SqlSelect(SqlParserPos.ZERO, null, SqlNodeList.SINGLETON_STAR,
                    aliased(SqlDescribeDuckDb.summarizing(answer), "summary"), null, null, null, null, null, null, null, null, null);
            return result(summary, ImmutableList.of(Clause.SELECT), summarize, null);
        }

        private static SqlNode aliased(SqlNode relation, String alias) {
            return SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, relation, new SqlIdentifier(alias, SqlParserPos.ZERO));
        }

        /**
         * A semi or anti join as DuckDB's own {@code SEMI JOIN} / {@code ANTI JOIN} ({@link PuffinDuckDbDialect} writes
         * it): Calcite's EXISTS rendering names a filtered left side twice ({@code AS "t" AS "t0"}), which DuckDB refuses.
         */
        @Override
        protected Result visitAntiOrSemiJoin(Join join) {
            Result left = visitInput(join, 0).resetAlias();
            Result right = visitInput(join, 1).resetAlias();
            SqlNode condition = convertConditionToSqlNode(join.getCondition(), left.qualifiedContext(), right.qualifiedContext());
            JoinType type = join.getJoinType() == JoinRelType.ANTI ? JoinType.LEFT_ANTI_JOIN : JoinType.LEFT_SEMI_JOIN;
            SqlNode semiJoin = new SqlJoin(POS, left.asFrom(), SqlLiteral.createBoolean(false, POS), type.symbol(POS), right.asFrom(),
                    JoinConditionType.ON.symbol(POS), condition);
            return result(semiJoin, left, right);
        }

        @Override
        public Result visit(TableScan scan) {
            StreamedTable streamed = scan.getTable().unwrap(StreamedTable.class);
            if (streamed != null) {
                SqlIdentifier stream = new SqlIdentifier(streamed.streamName(), SqlParserPos.ZERO);
                return result(stream, ImmutableList.of(Clause.FROM), scan, null);
            }
            LakeCalciteTable table = scan.getTable().unwrap(LakeCalciteTable.class);
            if (table == null) {
                return super.visit(scan);
            }
            LakeTable lakeTable = table.lakeTable();
            String relation = scanFiles.inMemory(table)
                    .orElseGet(() -> lakeTable.scanRenderer().relation(scanFiles.splitsOf(scan, lakeTable), scanFiles::localPath));
            SqlNode fileScan = new ScanOperator(relation).createCall(SqlParserPos.ZERO);
            // Named like the table, as "FROM lineitem" would be; Calcite renames it when a query reads a table twice.
            return result(aliased(fileScan, lakeTable.name()), ImmutableList.of(Clause.FROM), scan, null);
        }
    }
}
