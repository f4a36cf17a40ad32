package io.puffindb.web;

import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/** Whether a parsed query names a client table ({@code t} or {@code schema.t}), as DuckDB matches names: ignoring case. */
final class ClientTableReferences {
    private ClientTableReferences() {
    }

    static boolean names(SqlNode query, String table) {
        List<String> wanted = List.of(table.toLowerCase(Locale.ROOT).split("\\."));
        boolean[] found = {false};
        query.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlIdentifier identifier) {
                List<String> names = identifier.names.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
                found[0] |= names.size() >= wanted.size() && names.subList(names.size() - wanted.size(), names.size()).equals(wanted);
                return null;
            }
        });
        return found[0];
    }
}
