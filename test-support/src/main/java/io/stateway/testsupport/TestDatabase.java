package io.stateway.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL database created for one test class, empty when the class starts.
 *
 * <p>The credentials are those of the server's test user, who owns the database and may create
 * roles: use {@link #as(String, String)} to connect as another role of the same server.
 *
 * @param name the database name, unique across processes ({@code stateway_t_<epoch>_<class>_<random>})
 * @param jdbcUrl the JDBC URL of this database, without credentials
 * @param username the role to connect as
 * @param password its password; empty where the server does not check passwords
 */
public record TestDatabase(String name, String jdbcUrl, String username, String password) {

    /** A new (unpooled) data source for this database and these credentials. */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        dataSource.setUser(username);
        dataSource.setPassword(password);
        return dataSource;
    }

    /** A new connection to this database; the caller closes it. */
    public Connection connect() throws SQLException {
        return dataSource().getConnection();
    }

    /** The same database seen by another role (which the test creates). */
    public TestDatabase as(String otherUsername, String otherPassword) {
        return new TestDatabase(name, jdbcUrl, otherUsername, otherPassword);
    }
}
