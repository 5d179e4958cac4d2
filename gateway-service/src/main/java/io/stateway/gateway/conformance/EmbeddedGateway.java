package io.stateway.gateway.conformance;

import io.stateway.gateway.GatewayApplication;
import io.stateway.gateway.admin.AdminServer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A gateway started in this JVM on free ports (the conformance runner's, and the tests'), with the
 * settings given; the admin token is fixed so that callers can use it.
 */
public final class EmbeddedGateway implements AutoCloseable {

    public static final String ADMIN_TOKEN = "embedded-gateway-admin-token";

    private final ConfigurableApplicationContext context;
    private final AuthorizerEndpoint authorizer;

    private EmbeddedGateway(ConfigurableApplicationContext context, AuthorizerEndpoint authorizer) {
        this.context = context;
        this.authorizer = authorizer;
    }

    /**
     * @param settings Spring properties: at least the datasource and Redis; ports, the admin token and
     *     quiet logging are set here unless given
     * @param authorizer the authorizer-service it reads API keys and usage plans from
     * @param sources configuration classes added to the application's own (e.g. a test's beans)
     */
    public static EmbeddedGateway start(
            Map<String, Object> settings, AuthorizerEndpoint authorizer, Class<?>... sources) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", 0);
        properties.put("stateway.gateway.admin.port", 0);
        properties.put("stateway.gateway.admin.address", "127.0.0.1");
        properties.put("stateway.gateway.admin.token", ADMIN_TOKEN);
        properties.put("stateway.gateway.catalog.refresh-interval", "500ms");
        properties.put("spring.main.banner-mode", "off");
        properties.putAll(authorizer.gatewaySettings());
        properties.putAll(settings);
        // As command-line arguments: they win over application.yaml (default properties would not).
        String[] arguments = properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class)
                .sources(sources)
                .web(WebApplicationType.REACTIVE)
                .run(arguments);
        return new EmbeddedGateway(context, authorizer);
    }

    public int dataPlanePort() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public int adminPort() {
        return context.getBean(AdminServer.class).port();
    }

    public AdminClient admin() {
        return new AdminClient("http://127.0.0.1:" + adminPort(), ADMIN_TOKEN, authorizer);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
