package io.stateway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresLocationTest {

    @Test
    void parse_credentialsInUrl_moveOutOfTheUrl() {
        PostgresLocation location = PostgresLocation.parse(
                "jdbc:postgresql://db.example:5433/admin?user=ci&password=p%40ss&sslmode=require", null, null);

        assertThat(location.user()).isEqualTo("ci");
        assertThat(location.password()).isEqualTo("p@ss");
        assertThat(location.database()).isEqualTo("admin");
        assertThat(location.jdbcUrl("other")).isEqualTo("jdbc:postgresql://db.example:5433/other?sslmode=require");
    }

    @Test
    void parse_overrides_winOverTheUrl() {
        PostgresLocation location =
                PostgresLocation.parse("jdbc:postgresql://localhost/postgres?user=ci", "owner", "secret");

        assertThat(location.user()).isEqualTo("owner");
        assertThat(location.password()).isEqualTo("secret");
        assertThat(location.connectionProperties()).containsEntry("connectTimeout", "5");
    }

    @Test
    void parse_noDatabaseNoUser_defaultsToPostgres() {
        PostgresLocation location = PostgresLocation.parse("jdbc:postgresql://h1:5432,h2:5432", null, null);

        assertThat(location.database()).isEqualTo("postgres");
        assertThat(location.user()).isEqualTo("postgres");
        assertThat(location.password()).isEmpty();
        assertThat(location.jdbcUrl("x")).isEqualTo("jdbc:postgresql://h1:5432,h2:5432/x");
    }

    @Test
    void parse_notAPostgresUrl_namesTheExpectedForm() {
        assertThatThrownBy(() -> PostgresLocation.parse("postgres://localhost/db", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql://host:port/database");
    }
}
