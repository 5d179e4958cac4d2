package io.stateway.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks for a Docker engine without talking to one, so that machines without Docker (the common
 * case here) skip Testcontainers in microseconds.
 */
record DockerProbe(Map<String, String> env, List<Path> sockets, boolean testcontainersPresent) {

    static DockerProbe local() {
        Path home = Path.of(System.getProperty("user.home"));
        String runtimeDir = System.getenv().getOrDefault("XDG_RUNTIME_DIR", "/nonexistent");
        return new DockerProbe(
                System.getenv(),
                List.of(
                        Path.of("/var/run/docker.sock"),
                        home.resolve(".docker/run/docker.sock"),
                        home.resolve(".docker/desktop/docker.sock"),
                        Path.of(runtimeDir, "docker.sock")),
                isPresent("org.testcontainers.DockerClientFactory"));
    }

    /** Why Testcontainers cannot be used, or empty when it can be tried. */
    Optional<String> unusableBecause() {
        boolean engine = env.containsKey("DOCKER_HOST") || sockets.stream().anyMatch(Files::exists);
        if (!engine) {
            return Optional.of("no Docker engine (DOCKER_HOST is not set and there is no socket at " + sockets + ")");
        }
        if (!testcontainersPresent) {
            return Optional.of("a Docker engine exists but Testcontainers is not on the test classpath"
                    + " (the build's `testcontainers` profile adds it: -Ptestcontainers)");
        }
        return Optional.empty();
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, DockerProbe.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
