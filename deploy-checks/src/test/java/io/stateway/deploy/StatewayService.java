package io.stateway.deploy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * One of the four services as its own configuration describes it: the module's
 * {@code src/main/resources/application.yaml} (read from the working tree, so the checks follow the
 * services as they grow) and docs/configuration.md.
 *
 * @param component the chart's name for it ({@code gateway}), also the compose and kustomize stem
 * @param module the Maven module and image name ({@code gateway-service})
 * @param port {@code server.port}
 * @param adminPort the gateway's admin API port ({@code stateway.gateway.admin.port}), 0 for the others
 * @param shutdownTimeout {@code spring.lifecycle.timeout-per-shutdown-phase}
 * @param usesRedis whether it is configured with {@code spring.data.redis}
 * @param applicationYaml the whole file, as a tree
 */
record StatewayService(
        String component,
        String module,
        int port,
        int adminPort,
        Duration shutdownTimeout,
        boolean usesRedis,
        JsonNode applicationYaml) {

    static final List<StatewayService> ALL = Arrays.stream(
                    new String[] {"gateway", "orchestrator", "history", "authorizer"})
            .map(StatewayService::load)
            .toList();

    /** Environment variables that are the JVM's, not Spring's. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    private static final Pattern DOCUMENTED_PROPERTY = Pattern.compile("`([a-z][a-z0-9-]*(?:\\.[a-z0-9*-]+)+)`");

    static StatewayService named(String component) {
        return ALL.stream()
                .filter(service -> service.component.equals(component) || service.module.equals(component))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + component));
    }

    private static StatewayService load(String component) {
        String module = component + "-service";
        JsonNode yaml = Yaml.parse(Repository.read(module + "/src/main/resources/application.yaml"));
        JsonNode port = yaml.at("/server/port");
        if (!port.isNumber()) {
            throw new IllegalStateException(module + "'s application.yaml has no numeric server.port");
        }
        return new StatewayService(
                component,
                module,
                port.asInt(),
                yaml.at("/stateway/gateway/admin/port").asInt(0),
                duration(yaml.at("/spring/lifecycle/timeout-per-shutdown-phase").asString("30s")),
                yaml.at("/spring/data/redis").isObject(),
                yaml);
    }

    /** The readiness group's members, from {@code management.endpoint.health.group.readiness.include}. */
    List<String> readinessIncludes() {
        return Arrays.stream(applicationYaml
                        .at("/management/endpoint/health/group/readiness/include")
                        .asString("")
                        .split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /**
     * Whether Spring would bind this environment variable to a property the service documents: one in
     * its application.yaml or named in docs/configuration.md, in either environment spelling
     * ({@code key-prefix} as {@code KEYPREFIX} or {@code KEY_PREFIX}); or a JVM variable.
     */
    boolean understands(String variable) {
        if (JVM_VARIABLES.contains(variable)) {
            return true;
        }
        for (String property : properties()) {
            if (property.endsWith(".*")) {
                String prefix = property.substring(0, property.length() - 2);
                if (variable.startsWith(environmentName(prefix, false) + "_")
                        || variable.startsWith(environmentName(prefix, true) + "_")) {
                    return true;
                }
            } else if (variable.equals(environmentName(property, false))
                    || variable.equals(environmentName(property, true))) {
                return true;
            }
        }
        return false;
    }

    private Set<String> properties() {
        Set<String> properties = new HashSet<>();
        flatten("", applicationYaml, properties);
        Matcher matcher = DOCUMENTED_PROPERTY.matcher(Repository.read("docs/configuration.md"));
        while (matcher.find()) {
            properties.add(matcher.group(1));
        }
        return properties;
    }

    private static void flatten(String prefix, JsonNode node, Set<String> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                flatten(prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey(), entry.getValue(), into);
            }
        } else {
            into.add(prefix);
        }
    }

    private static String environmentName(String property, boolean dashesAsUnderscores) {
        return property.replace("-", dashesAsUnderscores ? "_" : "")
                .replace('.', '_')
                .toUpperCase(Locale.ROOT);
    }

    private static Duration duration(String text) {
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            if (text.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            return Duration.parse(text);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalStateException("unreadable duration " + text, e);
        }
    }
}
