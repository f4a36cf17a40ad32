package io.puffindb.calcite.functions;

import io.puffindb.calcite.DuckDbSqlRenderer;
import io.puffindb.calcite.LakeCatalog;
import io.puffindb.calcite.LogicalPlan;
import io.puffindb.calcite.ScanFiles;
import io.puffindb.calcite.SqlFrontEnd;
import io.puffindb.lake.Lake;
import io.puffindb.lake.LakeTable;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;

/** Validates a query over no tables with PuffinDB's front end and renders its logical plan back to DuckDB SQL. */
final class Rendered {
    private static final Lake NO_TABLES = new Lake() {
        @Override
        public List<String> schemaNames() {
            return List.of("main");
        }

        @Override
        public List<String> tableNames(String schema) {
            return List.of();
        }

        @Override
        public Optional<LakeTable> table(String schema, String name) {
            return Optional.empty();
        }
    };

    private Rendered() {
    }

    static LogicalPlan plan(String sql) {
        SqlFrontEnd frontEnd = new SqlFrontEnd(new LakeCatalog(NO_TABLES, "main"), SqlFrontEnd.defaultParserConfig());
        return frontEnd.toLogicalPlan(frontEnd.parse(sql), new HepPlanner(HepProgram.builder().build()), DefaultRelMetadataProvider.INSTANCE,
                List.of());
    }

    static String duckDbSql(String sql) {
        return new DuckDbSqlRenderer(ScanFiles.ALL, exchange -> "unused").render(plan(sql).root());
    }
}
