package io.puffindb.calcite.tier;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * DuckDB's SUMMARIZE over a query's answer, on the tier that produces the answer: one row per answer
 * column with DuckDB's statistics of it. DuckDB computes them (its approximate counts and quantiles
 * are its own), over the columns named as the answer names them.
 */
public final class TierSummarize extends SingleRel implements TierRel {
    private final List<String> columnNames;
    private final List<Integer> inputColumns;

    /**
     * @param columnNames the answer's column names, as SUMMARIZE lists them
     * @param inputColumns for each, the input's column it shows
     */
    public TierSummarize(RelOptCluster cluster, RelTraitSet traits, RelNode input, List<String> columnNames, List<Integer> inputColumns) {
        super(cluster, traits, input);
        this.columnNames = List.copyOf(columnNames);
        this.inputColumns = List.copyOf(requireNonNull(inputColumns, "inputColumns is null"));
        if (this.columnNames.size() != this.inputColumns.size()) {
            throw new IllegalArgumentException("names " + columnNames + " do not match the input's columns " + inputColumns);
        }
    }

    public List<String> columnNames() {
        return columnNames;
    }

    public List<Integer> inputColumns() {
        return inputColumns;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new TierSummarize(getCluster(), traitSet, sole(inputs), columnNames, inputColumns);
    }

    @Override
    protected RelDataType deriveRowType() {
        RelDataTypeFactory types = getCluster().getTypeFactory();
        RelDataType text = types.createTypeWithNullability(types.createSqlType(SqlTypeName.VARCHAR), true);
        RelDataType count = types.createTypeWithNullability(types.createSqlType(SqlTypeName.BIGINT), true);
        RelDataType percentage = types.createTypeWithNullability(types.createSqlType(SqlTypeName.DECIMAL, 9, 2), true);
        return types.builder()
                .add("column_name", text).add("column_type", text).add("min", text).add("max", text)
                .add("approx_unique", count).add("avg", text).add("std", text)
                .add("q25", text).add("q50", text).add("q75", text)
                .add("count", count).add("null_percentage", percentage)
                .build();
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("columns", columnNames);
    }
}
