package io.stateway.gateway.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.gateway.catalog.ApiCatalog;
import io.stateway.gateway.conformance.EmbeddedGateway;
import io.stateway.gateway.testing.SharedGateway;
import io.stateway.gateway.testing.WithSharedGateway;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * APIs from files: a replica started on a directory serves its APIs as soon as it is up, and every replica
 * (here also one without the directory) follows changes of the files within seconds.
 */
@WithSharedGateway
class GitOpsLoaderTest {

    @TempDir
    static Path directory;

    private static SharedGateway gateway;
    private static EmbeddedGateway loader;

    @BeforeAll
    static void start(SharedGateway shared) throws IOException {
        gateway = shared;
        write("hello.yaml", "hello");
        Files.writeString(directory.resolve("notes.txt"), "not an API");
        loader = gateway.startReplica(Map.of("stateway.gateway.gitops.directory", directory.toString()));
    }

    private static void write(String file, String greeting) throws IOException {
        Path temporary = directory.resolve(file + ".tmp");
        Files.writeString(temporary, SharedGateway.fixture("gitops.yaml", Map.of("greeting", greeting)));
        Files.move(temporary, directory.resolve(file), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static HttpResponse<String> get(int port, String path) {
        return gateway.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET());
    }

    private static void awaitOnBoth(String path, int status, String body) {
        for (int port : new int[] {loader.dataPlanePort(), gateway.port()}) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                HttpResponse<String> response = get(port, path);
                assertThat(response.statusCode()).isEqualTo(status);
                assertThat(response.body()).contains(body);
            });
        }
    }

    @Test
    void files_areServedFromStartUp_followedOnChange_byEveryReplica_andRemovedWithTheirFile() throws IOException {
        HttpResponse<String> atStart = get(loader.dataPlanePort(), "/gitops/hello");
        assertThat(atStart.statusCode()).isEqualTo(200);
        assertThat(atStart.body()).isEqualTo("{\"says\": \"hello\"}");
        awaitOnBoth("/gitops/hello", 200, "hello");
        assertThat(gateway.bean(ApiCatalog.class).list().stream().filter(api -> "hello.yaml".equals(api.sourceFile())))
                .hasSize(1);

        write("hello.yaml", "bonjour");
        awaitOnBoth("/gitops/hello", 200, "bonjour");

        Files.writeString(directory.resolve("broken.yaml"), "openapi: 3.0.1\npaths: [1, 2\n");
        Files.delete(directory.resolve("hello.yaml"));
        awaitOnBoth("/gitops/hello", 403, "Missing Authentication Token");
        assertThat(gateway.bean(ApiCatalog.class).list().stream().filter(api -> api.sourceFile() != null))
                .isEmpty();
    }
}
