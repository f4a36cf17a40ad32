package io.puffindb.executors;

import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.StreamedTable;
import io.puffindb.executors.fragment.Fragment;
import io.puffindb.executors.fragment.FragmentSql;
import io.puffindb.lake.LakeColumn;
import io.puffindb.lake.Split;
import io.puffindb.lake.cache.FileCache;
import io.puffindb.lake.store.StoredObject;
import io.puffindb.lake.SqlLiterals;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.duckdb.DuckDBConnection;

/**
 * A query's result columns with the exact types DuckDB will give them, without running it: each
 * fragment's SQL goes through DuckDB's DESCRIBE (which reads file metadata only), its inputs stood
 * in for by empty tables of the types their own fragments describe to.
 */
final class ResultDescriber {
    private final DuckDbEngine engine;

    ResultDescriber(DuckDbEngine engine) {
        this.engine = requireNonNull(engine, "engine is null");
    }

    List<LakeColumn> describe(PreparedQuery query) {
        try (DuckDBConnection connection = engine.connect()) {
            List<LakeColumn> columns = describe(connection, query.rootFragment());
            // The types are the rendered SQL's, the names and order the answer's (as the query's rows will carry them).
            return query.answerColumns().filter(answer -> answer.size() == columns.size())
                    .map(answer -> IntStream.range(0, answer.size())
                            .mapToObj(i -> new LakeColumn(answer.names().get(i), columns.get(answer.planColumn(i)).duckDbType())).toList())
                    .orElse(columns);
        } catch (SQLException e) {
            throw DuckDbErrors.fromDuckDb(e, "Describe");
        }
    }

    private List<LakeColumn> describe(DuckDBConnection connection, Fragment fragment) throws SQLException {
        for (Fragment.Input input : fragment.inputs()) {
            createEmpty(connection, input.name(), describe(connection, input.source()));
        }
        for (StreamedTable streamed : fragment.streamedTables()) {
            createEmpty(connection, streamed.streamName(), streamed.columns());
        }
        List<Split> share = fragment.fanOutScan().isPresent() ? fragment.taskShares(splits -> 1).get(0) : List.of();
        String sql = fragment.fanOutScan().isPresent() ? FragmentSql.render(fragment, share) : FragmentSql.render(fragment);
        List<LakeColumn> columns = new ArrayList<>();
        // DESCRIBE opens the files' footers, so remote ones must be in the cache.
        List<StoredObject> remote = fragment.remoteFiles(share);
        try (FileCache.Lease files = engine.stage(remote);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("DESCRIBE " + engine.atCachedPaths(sql, remote))) {
            while (rows.next()) {
                columns.add(new LakeColumn(rows.getString("column_name"), rows.getString("column_type")));
            }
        }
        return columns;
    }

    private static void createEmpty(DuckDBConnection connection, String name, List<LakeColumn> columns) throws SQLException {
        String definitions = columns.stream().map(column -> SqlLiterals.identifier(column.name()) + " " + column.duckDbType())
                .collect(Collectors.joining(", "));
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE TEMP TABLE " + SqlLiterals.identifier(name) + " (" + definitions + ")");
        }
    }

}
