package io.stateway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@WithTestServers
class WithTestServersTest {

    private static TestDatabase databaseSeenBeforeAll;

    @BeforeAll
    static void rememberDatabase(TestDatabase database) {
        databaseSeenBeforeAll = database;
    }

    @Test
    void parameters_sameClass_sameDatabaseAsBeforeAll(TestDatabase database) {
        assertThat(database).isEqualTo(databaseSeenBeforeAll);
        assertThat(database).isEqualTo(TestServers.databaseFor(WithTestServersTest.class));
    }

    @Test
    void database_newClass_isEmptyAndNamedUniquely(TestDatabase database) throws SQLException {
        assertThat(database.name()).startsWith("stateway_t_").contains("withtestserverstest");
        try (Connection connection = database.connect()) {
            assertThat(single(connection, "SELECT current_database()")).isEqualTo(database.name());
            assertThat(single(connection, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
                    .isEqualTo("0");
        }
    }

    @Test
    void databaseFor_otherClass_isAnotherDatabase(TestDatabase database) throws SQLException {
        TestDatabase other = TestServers.databaseFor(Other.class);

        assertThat(other.name()).isNotEqualTo(database.name());
        try (Connection connection = other.connect()) {
            assertThat(single(connection, "SELECT current_database()")).isEqualTo(other.name());
        }
    }

    @Test
    void session_timeZone_isTheNonUtcZoneOfTheJvm(TestDatabase database) throws SQLException {
        assertThat(TimeZone.getDefault().getRawOffset()).isNotZero();
        try (Connection connection = database.connect()) {
            assertThat(single(connection, "SHOW TimeZone"))
                    .isEqualTo(TimeZone.getDefault().getID());
        }
    }

    @Test
    void as_anotherRole_connectsAsThatRole(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    DO $$ BEGIN
                        CREATE ROLE stateway_test_support_probe LOGIN PASSWORD 'probe';
                    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                    END $$""");
        }

        try (Connection connection =
                database.as("stateway_test_support_probe", "probe").connect()) {
            assertThat(single(connection, "SELECT current_user")).isEqualTo("stateway_test_support_probe");
        }
    }

    @Test
    void redis_parameter_answersPingUnderAClassPrefix(TestRedis redis) throws Exception {
        try (RespClient client = RespClient.connect(redis.host(), redis.port(), redis.password())) {
            client.ping();
            client.command("SET", redis.keyPrefix() + "k", "v");
            assertThat(client.command("GET", redis.keyPrefix() + "k")).isEqualTo("v");
        }
        assertThat(redis.keyPrefix()).contains(":withtestserverstest-").endsWith(":");
        assertThat(TestServers.redisFor(Other.class).keyPrefix()).isNotEqualTo(redis.keyPrefix());
        assertThat(redis.url()).startsWith("redis://").endsWith(":" + redis.port());
    }

    @Nested
    class NestedClass {
        @Test
        void parameters_nestedClass_shareTheOutermostClassDatabase(TestDatabase database) {
            assertThat(database).isEqualTo(databaseSeenBeforeAll);
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static final class Other {}
}
