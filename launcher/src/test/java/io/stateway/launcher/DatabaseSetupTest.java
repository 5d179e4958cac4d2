package io.stateway.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stateway.testsupport.TestDatabase;
import io.stateway.testsupport.WithTestServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** `stateway up` against configured servers: the test servers stand in for the user's. */
@WithTestServers
class DatabaseSetupTest {

    @Test
    void configured_databaseMissing_isCreated(TestDatabase testDatabase) throws SQLException {
        String missing = testDatabase.name() + "_up";
        String url = testDatabase.jdbcUrl().replace("/" + testDatabase.name(), "/" + missing);
        Optional<Credentials> login = Optional.of(new Credentials(testDatabase.username(), testDatabase.password()));

        Database database = DatabaseSetup.configured(url, login, Optional.empty());

        try (Connection connection =
                        DriverManager.getConnection(url, testDatabase.username(), testDatabase.password());
                Statement statement = connection.createStatement();
                ResultSet name = statement.executeQuery("SELECT current_database()")) {
            name.next();
            assertThat(name.getString(1)).isEqualTo(missing);
        } finally {
            try (Connection admin = testDatabase.connect();
                    Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE " + missing + " WITH (FORCE)");
            }
        }
        assertThat(database.history()).as("no reader login given: the owner's").isEqualTo(login);
    }

    @Test
    void configured_unreachable_saysWhereAndWhatToDoWithoutThePassword() {
        String url = "jdbc:postgresql://127.0.0.1:" + FreePorts.any() + "/stateway?password=hunter2";

        assertThatThrownBy(() -> DatabaseSetup.configured(url, Optional.empty(), Optional.empty()))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("Cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:")
                .hasMessageContaining("password=***")
                .hasMessageNotContaining("hunter2")
                .hasMessageContaining("--postgres-url");
    }

    @Test
    void configured_historyLoginThatCannotConnect_isReported(TestDatabase testDatabase) {
        Optional<Credentials> owner = Optional.of(new Credentials(testDatabase.username(), testDatabase.password()));
        Optional<Credentials> history = Optional.of(new Credentials("stateway_no_such_login", "x"));

        assertThatThrownBy(() -> DatabaseSetup.configured(testDatabase.jdbcUrl(), owner, history))
                .hasMessageContaining("history-service's login stateway_no_such_login cannot connect");
    }
}
