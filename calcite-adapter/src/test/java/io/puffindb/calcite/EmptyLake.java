package io.puffindb.calcite;

import io.puffindb.lake.Lake;
import io.puffindb.lake.LakeTable;
import java.util.List;
import java.util.Optional;

/** A lake with one schema and no tables, for front-end tests whose queries read none. */
public final class EmptyLake implements Lake {
    public static SqlFrontEnd frontEnd() {
        return new SqlFrontEnd(new LakeCatalog(new EmptyLake(), "main"), SqlFrontEnd.defaultParserConfig());
    }

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
}
