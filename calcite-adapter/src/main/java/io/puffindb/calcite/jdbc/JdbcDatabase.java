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
 * A query's rows come over a connection of their own; metadata (listings, a table's columns and
 * estimate, the dialect, learned once) over one connection kept open for it, because planning a query
 * reads several tables and a connection per read cost more than the reads (PostgreSQL: about 150 ms of
 * planning, against 20 ms for lake tables).
 */
public final class JdbcDatabase implements AutoCloseable {
    private static final int VALIDATION_SECONDS = 2;

    private final String name;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private volatile SqlDialect dialect;
    private Connection metadata;

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
            known = readMetadata("cannot read its metadata", connection -> SqlDialectFactoryImpl.INSTANCE.create(connection.getMetaData()));
            dialect = known;
        }
        return known;
    }

    /**
     * One read of the database's metadata, over the connection kept for them. The connection is checked only
     * when a read fails (a check per read would cost a round trip each): if the database dropped it, the read
     * is made once more over a new one.
     */
    public synchronized <T> T readMetadata(String what, MetadataRead<T> read) {
        try {
            if (metadata == null) {
                metadata = connect();
            }
            try {
                return read.read(metadata);
            } catch (SQLException e) {
                if (metadata.isValid(VALIDATION_SECONDS)) {
                    throw e;
                }
                closeMetadata();
                metadata = connect();
                return read.read(metadata);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** A read of metadata over a connection it must not close. */
    @FunctionalInterface
    public interface MetadataRead<T> {
        T read(Connection connection) throws SQLException;
    }

    @Override
    public synchronized void close() {
        closeMetadata();
    }

    private void closeMetadata() {
        if (metadata != null) {
            try {
                metadata.close();
            } catch (SQLException e) {
                // Dropped already: nothing is left to release.
            }
            metadata = null;
        }
    }

    public PuffinException failure(String what, Exception cause) {
        return new PuffinException(ErrorCode.REMOTE_FAILED, format("Database '%s' (%s): %s: %s", name, displayUrl(), what, cause.getMessage()), cause);
    }

    @Override
    public String toString() {
        return name + " (" + displayUrl() + ")";
    }
}
