package io.stateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** docker-compose.yml against the services' configuration and what the README promises. */
class ComposeTest {

    private static final JsonNode COMPOSE = Yaml.parse(Repository.read("docker-compose.yml"));
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)(?::-([^}]*))?}");

    @Test
    void services_areTheFourWithPostgresqlAndRedis() {
        Set<String> expected = new TreeSet<>(Set.of("postgres", "redis"));
        StatewayService.ALL.forEach(service -> expected.add(service.module()));

        assertThat(new TreeSet<>(COMPOSE.path("services").propertyNames())).isEqualTo(expected);
        assertThat(Readme.commands("docker compose up"))
                .as("README's compose command")
                .isNotEmpty();
    }

    @Test
    void ports_areTheReadmesAndTheServicesOwn_onlyTheGatewayOnEveryInterface() {
        Map<String, Integer> readme = Readme.ports();
        Map<String, Integer> configured = new TreeMap<>();
        StatewayService.ALL.forEach(service -> configured.put(service.module(), service.port()));
        assertThat(readme)
                .as("README's Ports table against the services' server.port")
                .isEqualTo(configured);

        for (StatewayService service : StatewayService.ALL) {
            List<String> ports = strings(service(service).path("ports"));
            List<String> expected = new ArrayList<>();
            expected.add(
                    service.component().equals("gateway")
                            ? service.port() + ":" + service.port()
                            : "127.0.0.1:" + service.port() + ":" + service.port());
            if (service.adminPort() > 0) {
                expected.add("127.0.0.1:" + service.adminPort() + ":" + service.adminPort());
            }
            assertThat(ports).as("%s published ports", service.module()).isEqualTo(expected);
        }
        assertThat(COMPOSE.at("/services/postgres/ports").isMissingNode())
                .as("PostgreSQL is not published")
                .isTrue();
        assertThat(COMPOSE.at("/services/redis/ports").isMissingNode())
                .as("Redis is not published")
                .isTrue();
    }

    @Test
    void images_areBuiltFromTheDockerfileForEachServiceAndPort() {
        for (StatewayService service : StatewayService.ALL) {
            JsonNode build = service(service).path("build");
            assertThat(build.path("context").asString()).isEqualTo(".");
            assertThat(build.path("dockerfile").asString("Dockerfile")).isEqualTo("Dockerfile");
            assertThat(build.at("/args/SERVICE").asString()).isEqualTo(service.module());
            assertThat(build.at("/args/PORT").asString()).isEqualTo(String.valueOf(service.port()));
            assertThat(service(service).path("image").asString()).startsWith("stateway/" + service.module() + ":");
        }
    }

    @Test
    void environment_isWhatEachServiceUnderstands_onTheComposeDatabaseAndRedis() {
        Map<String, String> postgres = environment(COMPOSE.at("/services/postgres"));
        for (StatewayService service : StatewayService.ALL) {
            Map<String, String> env = environment(service(service));
            assertThat(env.keySet().stream()
                            .filter(name -> !service.understands(name))
                            .toList())
                    .as("variables %s does not understand", service.module())
                    .isEmpty();
            assertThat(env).containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/stateway");
            boolean history = service.component().equals("history");
            assertThat(env)
                    .containsEntry("SPRING_DATASOURCE_USERNAME", history ? "stateway_history" : "stateway")
                    .as("%s's password is the one the init script gives its login", service.module())
                    .containsEntry(
                            "SPRING_DATASOURCE_PASSWORD",
                            postgres.get(history ? "STATEWAY_HISTORY_PASSWORD" : "STATEWAY_PASSWORD"));
            if (service.component().equals("gateway")) {
                assertThat(env)
                        .containsEntry(
                                "STATEWAY_GATEWAY_ORCHESTRATOR_URL",
                                "http://orchestrator-service:"
                                        + StatewayService.named("orchestrator").port() + "/");
            }
            if (service.usesRedis()) {
                assertThat(env).containsEntry("SPRING_DATA_REDIS_URL", "redis://redis:6379");
            } else {
                assertThat(env).doesNotContainKey("SPRING_DATA_REDIS_URL");
            }
        }
    }

    @Test
    void startup_waitsForHealthyDependencies() {
        for (StatewayService service : StatewayService.ALL) {
            JsonNode dependsOn = service(service).path("depends_on");
            Set<String> needs = new TreeSet<>(Set.of("postgres"));
            if (service.usesRedis()) {
                needs.add("redis");
            }
            if (service.component().equals("history")) {
                needs.add("orchestrator-service");
            }
            assertThat(new TreeSet<>(dependsOn.propertyNames()))
                    .as("%s depends on", service.module())
                    .containsAll(needs);
            dependsOn.properties().forEach(dependency -> {
                assertThat(dependency.getValue().path("condition").asString())
                        .as("%s waits for %s", service.module(), dependency.getKey())
                        .isEqualTo("service_healthy");
                JsonNode target = COMPOSE.at("/services/" + dependency.getKey());
                assertThat(target.has("healthcheck") || target.has("build"))
                        .as("%s has a health check (its own, or the image's HEALTHCHECK)", dependency.getKey())
                        .isTrue();
            });
        }
        assertThat(strings(COMPOSE.at("/services/postgres/healthcheck/test")))
                .as("PostgreSQL is healthy once reachable over TCP with the database made by the init script")
                .contains("--host=127.0.0.1", "--dbname=stateway");
    }

    @Test
    void stateway_containersAreHardened() {
        for (StatewayService service : StatewayService.ALL) {
            JsonNode node = service(service);
            assertThat(node.path("read_only").asBoolean(false))
                    .as("%s read_only", service.module())
                    .isTrue();
            assertThat(strings(node.path("tmpfs")))
                    .as("%s tmpfs", service.module())
                    .contains("/tmp");
            assertThat(strings(node.path("cap_drop"))).contains("ALL");
            assertThat(strings(node.path("security_opt"))).contains("no-new-privileges:true");
            assertThat(node.has("user"))
                    .as("%s runs as the image's non-root user", service.module())
                    .isFalse();
            String grace = node.path("stop_grace_period").asString("10s");
            assertThat(Long.parseLong(grace.replace("s", "")))
                    .as("%s stop_grace_period outlasts its graceful shutdown", service.module())
                    .isGreaterThan(service.shutdownTimeout().toSeconds());
        }
    }

    @Test
    void postgres_runsTheInitScriptThatCreatesTheLogins() {
        List<String> volumes = strings(COMPOSE.at("/services/postgres/volumes"));
        String mount = "./docker/postgres/init-stateway.sh:/docker-entrypoint-initdb.d/init-stateway.sh:ro";

        assertThat(volumes).contains(mount);
        assertThat(Files.isExecutable(Repository.path("docker/postgres/init-stateway.sh")))
                .as("executable, so that the entrypoint runs it rather than sourcing it")
                .isTrue();
    }

    private static JsonNode service(StatewayService service) {
        return COMPOSE.at("/services/" + service.module());
    }

    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new TreeMap<>();
        service.path("environment")
                .properties()
                .forEach(entry ->
                        env.put(entry.getKey(), interpolate(entry.getValue().asString())));
        return env;
    }

    /** Compose's {@code ${VAR:-default}}, with no variable set: the defaults. */
    private static String interpolate(String value) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(2) == null ? "" : matcher.group(2)));
        }
        return matcher.appendTail(out).toString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asString()));
        return values;
    }
}
