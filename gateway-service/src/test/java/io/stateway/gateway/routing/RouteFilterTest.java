package io.stateway.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.gateway.testing.SharedGateway;
import io.stateway.gateway.testing.WithSharedGateway;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@WithSharedGateway
class RouteFilterTest {

    private static SharedGateway gateway;

    @BeforeAll
    static void deploy(SharedGateway shared) {
        gateway = shared;
        gateway.deploy("routing.json", "routing", Map.of());
    }

    @Test
    void route_literalSegment_winsOverVariableAndGreedy() {
        assertThat(gateway.get("/routing/pets/special").body()).contains("\"matched\": \"special\"");
        assertThat(gateway.get("/routing/pets/7").body())
                .contains("\"matched\": \"pet\"")
                .contains("id=7");
        assertThat(gateway.get("/routing/pets/7/toys").body()).contains("\"matched\": \"toys\"");
    }

    @Test
    void route_methodMissingOnLiteral_fallsToGreedySibling() {
        HttpResponse<String> options =
                gateway.send(gateway.request("/routing/pets").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(options.statusCode()).isEqualTo(200);
        assertThat(options.body()).contains("\"matched\": \"greedy-options\"").contains("proxy=pets");
    }

    @Test
    void route_anyMethod_takesEveryMethod() {
        assertThat(gateway.send(gateway.request("/routing/any").method("PATCH", HttpRequest.BodyPublishers.noBody()))
                        .body())
                .contains("\"matched\": \"any\"")
                .contains("\"method\": \"PATCH\"");
    }

    @Test
    void route_greedyVariable_takesTheRestOfThePath() {
        assertThat(gateway.get("/routing/files/a/b//c.txt").body()).contains("path=a/b//c.txt");
    }

    @Test
    void route_rootAndSlashes_normalisedAsApiGatewayDoes() {
        assertThat(gateway.get("/routing").body()).contains("\"matched\": \"root\"");
        assertThat(gateway.get("/routing/").body()).contains("\"matched\": \"root\"");
        assertThat(gateway.get("/routing/pets/").body()).contains("\"matched\": \"pets\"");
        assertThat(gateway.get("//routing//pets").body()).contains("\"matched\": \"pets\"");
    }

    @Test
    void route_unknownPathMethodOrStage_isMissingAuthenticationToken() {
        for (HttpResponse<String> response : new HttpResponse[] {
            gateway.get("/routing/nowhere/at/all/x"),
            gateway.send(gateway.request("/routing/pets/7").PUT(HttpRequest.BodyPublishers.noBody())),
            gateway.get("/no-such-stage/pets")
        }) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("x-amzn-ErrorType"))
                    .hasValue("MissingAuthenticationTokenException");
            assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
            assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        }
    }
}
