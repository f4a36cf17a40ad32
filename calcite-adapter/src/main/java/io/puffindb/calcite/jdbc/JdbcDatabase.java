package io.puffindb.calcite.jdbc;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlDialectFactoryImpl;

/**
 * A database mounted as schema {@link #name()} ({@code jdbc.<name>.url} in the config): its default
 * schema's tables appear as {@code <name>.<table>}, its other schemas as {@code <name>.<schema>.<table>}.
 * Connections are opened per use (listing, a query's rows); the dialect is learned once from the driver.
 */
public final class JdbcDatabase {
    private final String name;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private volatile SqlDialect dialect;

    public JdbcDatabase(String name, String url, Optional<String> user, Optional<String> password) {
        this.name = requireNonNull(name, "name is null");
        this.url = requireNonNull(url, "url is null");
        this.user = requireNonNull(user, "user is null");
        this.password = requireNonNull(password, "password is null");
    }

    public String name() {
        return name;
    }

    /** The URL without its query part, which may carry a password: what errors and EXPLAIN may show. */
    public String displayUrl() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    public Connection connect() {
        Properties properties = new Properties();
        user.ifPresent(value -> properties.setProperty("user", value));
        password.ifPresent(value -> properties.setProperty("password", value));
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw failure("cannot connect", e);
        }
    }

    /** How SQL sent to this database is written (Calcite's dialect for its product, PostgreSQL's say). */
    public SqlDialect dialect() {
        SqlDialect known = dialect;
        if (known == null) {
            try (Connection connection = connect()) {
                known = SqlDialectFactoryImpl.INSTANCE.create(connection.getMetaData());
            } catch (SQLException e) {
                throw failure("cannot read its metadata", e);
            }
            dialect = known;
        }
        return known;
    }

    public PuffinException failure(String what, Exception cause) {
        return new PuffinException(ErrorCode.REMOTE_FAILED, format("Database '%s' (%s): %s: %s", name, displayUrl(), what, cause.getMessage()), cause);
    }

    @Override
    public String toString() {
        return name + " (" + displayUrl() + ")";
    }
}
