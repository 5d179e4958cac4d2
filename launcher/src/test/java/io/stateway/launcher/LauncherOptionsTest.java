package io.stateway.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    private static final Path USER_HOME = Path.of("/home/dev");

    @Test
    void parse_nothingGiven_embeddedServersDefaultPortsHomeUnderUserHome() {
        LauncherOptions options = LauncherOptions.parse(List.of(), Map.of(), USER_HOME);

        assertThat(options.postgresUrl()).isEmpty();
        assertThat(options.redisUrl()).isEmpty();
        assertThat(options.home()).isEqualTo(Path.of("/home/dev/.stateway"));
        assertThat(options.ports())
                .containsEntry(Service.GATEWAY, 8080)
                .containsEntry(Service.ORCHESTRATOR, 8081)
                .containsEntry(Service.HISTORY, 8082)
                .containsEntry(Service.AUTHORIZER, 8083);
        assertThat(options.gatewayAdminPort()).isEqualTo(8090);
        assertThat(options.jsonLogs()).isFalse();
    }

    @Test
    void parse_springEnvironment_configuresPostgresAndRedis() {
        LauncherOptions options = LauncherOptions.parse(
                List.of(),
                Map.of(
                        "SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/stateway",
                        "SPRING_DATASOURCE_USERNAME", "owner",
                        "SPRING_DATASOURCE_PASSWORD", "secret",
                        "SPRING_DATA_REDIS_URL", "redis://cache:6379",
                        "STATEWAY_JAVA_OPTS", " -Xmx1g  -XX:TieredStopAtLevel=4 "),
                USER_HOME);

        assertThat(options.postgresUrl()).hasValue("jdbc:postgresql://db:5432/stateway");
        assertThat(options.postgresLogin()).hasValue(new Credentials("owner", "secret"));
        assertThat(options.redisUrl()).hasValue("redis://cache:6379");
        assertThat(options.javaOptions()).containsExactly("-Xmx1g", "-XX:TieredStopAtLevel=4");
    }

    @Test
    void parse_flags_winOverTheEnvironment() {
        LauncherOptions options = LauncherOptions.parse(
                List.of(
                        "--postgres-url",
                        "jdbc:postgresql://flag/db",
                        "--ports",
                        "9080,9081,9082,9083",
                        "--gateway-admin-port",
                        "9090",
                        "--json-logs"),
                Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://env/db", "STATEWAY_HOME", "/srv/stateway"),
                USER_HOME);

        assertThat(options.postgresUrl()).hasValue("jdbc:postgresql://flag/db");
        assertThat(options.ports()).containsEntry(Service.GATEWAY, 9080).containsEntry(Service.AUTHORIZER, 9083);
        assertThat(options.gatewayAdminPort()).isEqualTo(9090);
        assertThat(options.jsonLogs()).isTrue();
        assertThat(options.home()).isEqualTo(Path.of("/srv/stateway"));
    }

    @Test
    void parse_unknownFlag_failsWithUsage() {
        assertThatThrownBy(() -> LauncherOptions.parse(List.of("--postgres"), Map.of(), USER_HOME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown option --postgres")
                .hasMessageContaining("Usage: stateway up");
    }

    @Test
    void parse_portsNotFour_failsNamingTheOrder() {
        assertThatThrownBy(() -> LauncherOptions.parse(List.of("--ports", "1,2"), Map.of(), USER_HOME))
                .hasMessageContaining("gateway,orchestrator,history,authorizer");
    }
}
