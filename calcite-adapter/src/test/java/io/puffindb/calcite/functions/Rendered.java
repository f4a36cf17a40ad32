package io.puffindb.calcite.functions;

import io.puffindb.calcite.DuckDbSqlRenderer;
import io.puffindb.calcite.EmptyLake;
import io.puffindb.calcite.LogicalPlan;
import io.puffindb.calcite.ScanFiles;
import io.puffindb.calcite.SqlFrontEnd;
import java.util.List;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;

/** Validates a query over no tables with PuffinDB's front end and renders its logical plan back to DuckDB SQL. */
final class Rendered {
    private Rendered() {
    }

    static LogicalPlan plan(String sql) {
        SqlFrontEnd frontEnd = EmptyLake.frontEnd();
        return frontEnd.toLogicalPlan(frontEnd.parse(sql), new HepPlanner(HepProgram.builder().build()), DefaultRelMetadataProvider.INSTANCE,
                List.of());
    }

    static String duckDbSql(String sql) {
        return new DuckDbSqlRenderer(ScanFiles.ALL, exchange -> "unused").render(plan(sql).root());
    }
}
