package io.stateway.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.stateway.gateway.testing.SharedGateway;
import io.stateway.gateway.testing.WithSharedGateway;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Access log lines in the stage's $context format, and the per-route meters on /actuator/prometheus. */
@WithSharedGateway
class ObservabilityTest {

    private static final String FORMAT = "{\"requestId\":\"$context.requestId\",\"status\":\"$context.status\","
            + "\"path\":\"$context.path\",\"resourcePath\":\"$context.resourcePath\",\"method\":\"$context.httpMethod\","
            + "\"ip\":\"$context.identity.sourceIp\",\"agent\":\"$context.identity.userAgent\","
            + "\"error\":\"$context.error.message\",\"cache\":\"$context.cacheResult\","
            + "\"integrationLatency\":\"$context.integrationLatency\",\"stage\":\"$context.stage\"}";

    private static SharedGateway gateway;
    private static String apiId;
    private static final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private static final Logger access = (Logger) LoggerFactory.getLogger("stateway.gateway.access");

    @BeforeAll
    static void deploy(SharedGateway shared) {
        gateway = shared;
        apiId = gateway.deploy("routing.json", "observed", Map.of());
        gateway.admin()
                .putStage(apiId, "observed", Map.of("accessLogFormat", FORMAT, "cache", Map.of("enabled", true)));
        lines.start();
        access.addAppender(lines);
    }

    @AfterAll
    static void detach() {
        access.detachAppender(lines);
    }

    private static JsonNode lineOf(String requestId) {
        Awaitility.await()
                .until(() -> List.copyOf(lines.list).stream()
                        .anyMatch(e -> e.getFormattedMessage().contains(requestId)));
        String line = List.copyOf(lines.list).stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(text -> text.contains(requestId))
                .findFirst()
                .orElseThrow();
        return JsonMapper.builder().build().readTree(line);
    }

    @Test
    void accessLog_usesTheStagesJsonFormat_withContextVariables() {
        HttpResponse<String> ok = gateway.send(gateway.request("/observed/pets/7")
                .header("User-Agent", "probe \"quoted\"")
                .GET());
        String requestId = ok.headers().firstValue("x-amzn-RequestId").orElseThrow();

        JsonNode line = lineOf(requestId);

        assertThat(line.path("status").asString()).isEqualTo("200");
        assertThat(line.path("path").asString()).isEqualTo("/observed/pets/7");
        assertThat(line.path("resourcePath").asString()).isEqualTo("/pets/{id}");
        assertThat(line.path("method").asString()).isEqualTo("GET");
        assertThat(line.path("ip").asString()).isEqualTo("127.0.0.1");
        assertThat(line.path("agent").asString()).isEqualTo("probe \"quoted\"");
        assertThat(line.path("error").asString()).isEqualTo("-");
        assertThat(line.path("stage").asString()).isEqualTo("observed");
        assertThat(line.path("integrationLatency").asString()).matches("\\d+");
    }

    @Test
    void accessLog_ofAGatewayResponse_carriesTheErrorMessage() {
        HttpResponse<String> missing = gateway.get("/observed/no/such/route");
        String requestId = missing.headers().firstValue("x-amzn-RequestId").orElseThrow();

        JsonNode line = lineOf(requestId);

        assertThat(line.path("status").asString()).isEqualTo("403");
        assertThat(line.path("error").asString()).isEqualTo("Missing Authentication Token");
    }

    @Test
    void prometheus_countsRequestsPerRouteAndStatus_integrationLatency_andCacheResults() {
        gateway.get("/observed/pets");
        gateway.get("/observed/pets");
        gateway.get("/observed/no/such/route");

        String metrics = gateway.get("/actuator/prometheus").body();

        Map<String, String> route = Map.of("api", apiId, "stage", "observed", "resource", "/pets", "method", "GET");
        assertThat(value(metrics, "stateway_gateway_requests_seconds_count", route, "status", "2xx"))
                .isGreaterThanOrEqualTo(2);
        assertThat(value(
                        metrics,
                        "stateway_gateway_requests_seconds_count",
                        Map.of("api", apiId, "stage", "observed", "resource", "none"),
                        "status",
                        "4xx"))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "stateway_gateway_integration_latency_seconds_count", route, "stage", "observed"))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "stateway_gateway_cache_requests_total", route, "result", "miss"))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "stateway_gateway_cache_requests_total", route, "result", "hit"))
                .isGreaterThanOrEqualTo(1);
    }

    /** The value of the sample of a metric whose labels include all those given. */
    private static double value(
            String metrics, String name, Map<String, String> labels, String label, String labelValue) {
        Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
        Matcher matcher = sample.matcher(metrics);
        while (matcher.find()) {
            String found = matcher.group(1);
            boolean all = found.contains(label + "=\"" + labelValue + "\"")
                    && labels.entrySet().stream()
                            .allMatch(l -> found.contains(l.getKey() + "=\"" + l.getValue() + "\""));
            if (all) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        throw new AssertionError("No sample of " + name + " with " + labels + " and " + label + "=" + labelValue
                + " in:\n" + metrics.lines().filter(l -> l.startsWith(name)).reduce("", (a, b) -> a + b + "\n"));
    }
}
