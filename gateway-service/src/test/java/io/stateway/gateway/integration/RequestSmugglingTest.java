package io.stateway.gateway.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.gateway.testing.SharedGateway;
import io.stateway.gateway.testing.TestBackend;
import io.stateway.gateway.testing.WithSharedGateway;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ambiguous HTTP/1.1 framing on the data plane (RELIABILITY.md §3.9), sent on a raw socket: nothing that two
 * parsers could read differently reaches a backend.
 */
@WithSharedGateway
class RequestSmugglingTest {

    private static SharedGateway gateway;
    private static TestBackend backend;

    @BeforeAll
    static void deploy(SharedGateway shared) {
        gateway = shared;
        backend = TestBackend.start();
        String apiId = gateway.deploy("ssrf.yaml", "smuggling", Map.of());
        gateway.admin().putStage(apiId, "smuggling", Map.of("variables", Map.of("target", backend.hostAndPort())));
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void request_withContentLengthAndTransferEncoding_isAnswered400_andConnectionClosed_andBackendNotCalled()
            throws Exception {
        int before = backend.received().size();

        Exchange exchange = exchange("POST /smuggling/function HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /smuggling/proxy HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(exchange.response()).startsWith("HTTP/1.1 400 ");
        assertThat(exchange.response().split("HTTP/1.1 ", -1)).hasSize(2); // the smuggled GET is not answered
        assertThat(exchange.closed()).isTrue();
        assertThat(backend.received()).hasSize(before);
    }

    @Test
    void request_withObsoleteLineFolding_reachesBackendWithTheFoldReplacedBySpace_notAsAnotherHeader()
            throws Exception {
        // RFC 9112 §5.2 lets a server reject obs-fold or replace it with spaces; Netty does the latter.
        exchange("GET /smuggling/proxy HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n X-Injected: b\r\n"
                + "Connection: close\r\n\r\n");

        TestBackend.Received received = backend.last();
        assertThat(received.header("X-Folded")).isEqualTo("a X-Injected: b");
        assertThat(received.headers().keySet()).noneMatch(name -> name.equalsIgnoreCase("X-Injected"));
    }

    /** What the gateway wrote back on a raw connection, and whether it closed it (within 5 s). */
    private static Exchange exchange(String raw) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            boolean closed;
            try {
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    received.write(buffer, 0, n);
                }
                closed = true;
            } catch (SocketTimeoutException open) {
                closed = false;
            }
            return new Exchange(received.toString(StandardCharsets.ISO_8859_1), closed);
        }
    }

    private record Exchange(String response, boolean closed) {}
}
