package io.stateway.gateway.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./stateway conformance apigw DIR}: starts a gateway in this JVM (on the configured PostgreSQL and
 * Redis, or embedded ones) and the authorizer-service it reads API keys from (its exec jar, named by the
 * {@code stateway.authorizer.jar} system property), runs the corpus against it, prints a table per category
 * with each failing case and a one-line reason, and ends with {@code N passed, M failed}.
 */
public final class ConformanceCli {

    private ConformanceCli() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !args[0].equals("apigw")) {
            System.err.println("usage: conformance apigw DIR");
            System.exit(2);
        }
        Path corpus = Path.of(args[1]);
        if (!Files.isDirectory(corpus)) {
            System.err.println("No corpus directory at " + corpus);
            System.exit(2);
        }
        String authorizerJar = System.getProperty("stateway.authorizer.jar", "");
        if (authorizerJar.isEmpty()) {
            System.err.println("Set -Dstateway.authorizer.jar to authorizer-service's exec jar (./stateway does)");
            System.exit(2);
        }
        List<ApigwCase> cases = ApigwCase.readAll(corpus);
        quiet("io.zonky", "redis.embedded");
        try (ConformanceServers servers = new ConformanceServers(System.getenv());
                FunctionHost functions = FunctionHost.start();
                AuthorizerProcess authorizer =
                        AuthorizerProcess.start(Path.of(authorizerJar), servers.authorizerEnvironment())) {
            System.out.println("Running " + cases.size() + " cases on " + servers.description());
            Map<String, Object> settings = new LinkedHashMap<>(servers.settings());
            settings.put("stateway.gateway.functions.url-template", functions.urlTemplate());
            settings.put("logging.level.root", "WARN");
            settings.put("logging.level.io.stateway", "ERROR");
            settings.put("stateway.gateway.access-log.enabled", "false");
            try (EmbeddedGateway gateway = EmbeddedGateway.start(settings, authorizer.endpoint())) {
                List<CaseResult> results =
                        new ApigwConformance(gateway.admin(), functions, gateway.dataPlanePort()).run(cases);
                System.out.println();
                ConformanceReport.print(results, System.out);
            }
        }
        System.exit(0);
    }

    /** The embedded servers' start-up chatter is not part of the report. */
    private static void quiet(String... loggers) {
        for (String name : loggers) {
            if (org.slf4j.LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }
}
