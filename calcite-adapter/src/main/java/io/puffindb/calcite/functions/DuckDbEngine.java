package io.puffindb.calcite.functions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The private in-memory DuckDB that the validator asks about DuckDB's functions: what its catalog
 * lists, and what type a call binds to. It never reads a file nor runs a user's query; it only plans.
 */
final class DuckDbEngine {
    private DuckDbEngine() {
    }

    static Connection open() {
        Properties properties = new Properties();
        properties.setProperty("enable_external_access", "false");
        properties.setProperty("threads", "1");
        try {
            Connection connection = DriverManager.getConnection("jdbc:duckdb:", properties);
            try (Statement statement = connection.createStatement()) {
                // Binding is all the validator needs: no folding of constants (which could evaluate a call).
                statement.execute("PRAGMA disable_optimizer");
                statement.execute("SET lock_configuration = true");
            }
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot start the in-memory DuckDB that types DuckDB's functions", e);
        }
    }
}
