package io.stateway.launcher;

/** The four services `stateway up` runs, with their default ports. */
enum Service {
    GATEWAY("gateway", 8080),
    ORCHESTRATOR("orchestrator", 8081),
    HISTORY("history", 8082),
    AUTHORIZER("authorizer", 8083);

    private final String shortName;
    private final int defaultPort;

    Service(String shortName, int defaultPort) {
        this.shortName = shortName;
        this.defaultPort = defaultPort;
    }

    String shortName() {
        return shortName;
    }

    /** The Maven module, whose target directory holds {@code <module>-<version>-exec.jar}. */
    String module() {
        return shortName + "-service";
    }

    int defaultPort() {
        return defaultPort;
    }
}
