package io.puffindb.calcite.through;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** The schema a query's remote THROUGH subqueries appear in while it is validated; it lives as long as the query. */
public final class RemoteThroughSchema extends AbstractSchema {
    private final Map<String, Table> tables = new LinkedHashMap<>();

    public RemoteThroughSchema(List<RemoteThroughTable> remoteTables) {
        remoteTables.forEach(table -> tables.put(table.streamName(), table));
    }

    @Override
    protected Map<String, Table> getTableMap() {
        return tables;
    }
}
