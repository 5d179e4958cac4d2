package io.stateway.gateway.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.gateway.testing.SharedGateway;
import io.stateway.gateway.testing.TestBackend;
import io.stateway.gateway.testing.WithSharedGateway;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ambiguous or broken HTTP/1.1 framing on the data plane (RELIABILITY.md §3.9), sent on a raw socket: nothing
 * that two parsers could read differently, and no body the client did not finish, reaches a backend. Each
 * case gets a 400 and a closed connection.
 */
@WithSharedGateway
class RequestSmugglingTest {

    private static final String CHUNKED_FUNCTION_CALL =
            "POST /smuggling/function HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n";

    private static SharedGateway gateway;
    private static TestBackend backend;

    @BeforeAll
    static void deploy(SharedGateway shared) {
        gateway = shared;
        backend = TestBackend.start();
        String apiId = gateway.deploy("smuggling.yaml", "smuggling", Map.of());
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
        assertThat(exchange.responseCount()).isEqualTo(1); // the smuggled GET is not answered
        assertThat(exchange.closed()).isTrue();
        assertThat(backend.received()).hasSize(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("obsoleteLineFolds")
    void request_withObsoleteLineFolding_isAnswered400_andConnectionClosed_andBackendNotCalled(
            String spelling, String raw) throws Exception {
        int before = backend.received().size();

        Exchange exchange = exchange(raw);

        assertThat(exchange.response()).startsWith("HTTP/1.1 400 ");
        assertThat(exchange.responseCount()).isEqualTo(1);
        assertThat(exchange.closed()).isTrue();
        assertThat(backend.received()).hasSize(before);
    }

    static Stream<Arguments> obsoleteLineFolds() {
        return Stream.of(
                Arguments.of(
                        "fold with a space",
                        "GET /smuggling/proxy HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n X-Injected: b\r\n\r\n"),
                Arguments.of(
                        "fold with a tab",
                        "GET /smuggling/proxy HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n\tX-Injected: b\r\n\r\n"),
                Arguments.of(
                        "fold of Transfer-Encoding",
                        "POST /smuggling/function HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nX-Folded: a\r\n"
                                + " Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
                Arguments.of(
                        "whitespace before the first header", "GET /smuggling/proxy HTTP/1.1\r\n Host: x\r\n\r\n"));
    }

    @Test
    void secondRequestOfAKeepAliveConnection_withObsoleteLineFolding_inTheSameSegment_isAnswered400_afterTheFirst()
            throws Exception {
        int before = backend.received().size();

        Exchange exchange = exchange("POST /smuggling/proxy HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}"
                + "GET /smuggling/proxy HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n X-Injected: b\r\n\r\n");

        assertThat(exchange.response()).startsWith("HTTP/1.1 200 ").contains("\r\n\r\n{}HTTP/1.1 400 ");
        assertThat(exchange.responseCount()).isEqualTo(2);
        assertThat(exchange.closed()).isTrue();
        assertThat(backend.received()).hasSize(before + 1);
        assertThat(backend.last().method()).isEqualTo("POST");
    }

    @Test
    void keepAliveRequests_inOneSegment_withoutFolding_areBothAnswered() throws Exception {
        // (Without "Connection: close" on the second: reactor-netty would close after the first and drop it.)
        int before = backend.received().size();

        Exchange exchange = exchange("POST /smuggling/proxy HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}"
                + "GET /smuggling/proxy HTTP/1.1\r\nHost: x\r\nX-Spaced: a  b\r\n\r\n");

        assertThat(exchange.responseCount()).as(exchange.response()).isEqualTo(2);
        assertThat(exchange.response()).startsWith("HTTP/1.1 200 ");
        assertThat(backend.received()).hasSize(before + 2);
        assertThat(backend.last().header("X-Spaced")).isEqualTo("a  b");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedChunkedBodies")
    void request_withMalformedChunkedBody_isAnswered400_andConnectionClosed_andBackendNotCalled(
            String spelling, String body) throws Exception {
        int before = backend.received().size();

        Exchange exchange = exchange(CHUNKED_FUNCTION_CALL + body);

        assertThat(exchange.response())
                .startsWith("HTTP/1.1 400 ")
                .containsIgnoringCase("connection: close")
                .endsWith("{\"message\":\"Malformed request body\"}");
        assertThat(exchange.responseCount()).isEqualTo(1);
        assertThat(exchange.closed()).isTrue();
        assertThat(backend.received()).hasSize(before);
    }

    static Stream<Arguments> malformedChunkedBodies() {
        return Stream.of(
                Arguments.of("chunk size that is not hex", "3\r\n{}\n\r\nzz\r\nabc\r\n0\r\n\r\n"),
                Arguments.of("chunk size that overflows", "3\r\n{}\n\r\nfffffffffffffffffff\r\nabc\r\n0\r\n\r\n"),
                Arguments.of("chunk data longer than declared", "2\r\n{}  \r\n0\r\n\r\n"),
                Arguments.of("chunk data shorter than declared", "5\r\n{}\r\n0\r\n\r\n"),
                Arguments.of("no CRLF after the chunk data", "2\r\n{}0\r\n\r\n"),
                Arguments.of("a bare LF in the chunk size line", "2;x=\n{}\r\n0\r\n\r\n"));
    }

    @Test
    void request_withChunkedBodyWithoutTheLastChunk_andClientHalfClosing_isAnswered400_andBackendNotCalled()
            throws Exception {
        int before = backend.received().size();

        Exchange exchange = exchangeThenHalfClose(CHUNKED_FUNCTION_CALL + "2\r\n{}\r\n");

        assertThat(exchange.response())
                .startsWith("HTTP/1.1 400 ")
                .containsIgnoringCase("connection: close")
                .endsWith("{\"message\":\"Malformed request body\"}");
        assertThat(exchange.responseCount()).isEqualTo(1);
        assertThat(exchange.closed()).isTrue();
        assertThat(backend.received()).hasSize(before);
    }

    @Test
    void request_withChunkedBodyWithoutTheLastChunk_andClientWaiting_isNotSentToTheBackend() throws Exception {
        int before = backend.received().size();

        Exchange exchange = exchange(CHUNKED_FUNCTION_CALL + "2\r\n{}\r\n");

        assertThat(exchange.response()).isEmpty(); // the gateway waits for the rest (until its read timeout)
        assertThat(backend.received()).hasSize(before);
    }

    @Test
    void
            streamedProxyRequest_withFewerBytesThanContentLength_andClientHalfClosing_isAnswered400_andBackendGetsNoRequest()
                    throws Exception {
        int before = backend.received().size();

        Exchange exchange = exchangeThenHalfClose("POST /smuggling/proxy HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nContent-Length: 10\r\n\r\n{\"a\":");

        assertThat(exchange.response())
                .startsWith("HTTP/1.1 400 ")
                .containsIgnoringCase("connection: close")
                .endsWith("{\"message\":\"Malformed request body\"}");
        assertThat(exchange.closed()).isTrue();
        assertThat(backend.received()).hasSize(before);
    }

    @Test
    void wholeRequest_thenClientHalfClosing_isAnswered_andThenConnectionClosed() throws Exception {
        int before = backend.received().size();

        Exchange exchange = exchangeThenHalfClose("POST /smuggling/proxy HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");

        assertThat(exchange.response()).startsWith("HTTP/1.1 200 ").containsIgnoringCase("connection: close");
        assertThat(exchange.responseCount()).isEqualTo(1);
        assertThat(exchange.closed()).isTrue();
        assertThat(backend.received()).hasSize(before + 1);
    }

    /** What the gateway wrote back on a raw connection, and whether it closed it (within 5 s). */
    private static Exchange exchange(String raw) throws Exception {
        return exchange(raw, false);
    }

    /** Like {@link #exchange(String)}, the client shutting down its sending side after the bytes. */
    private static Exchange exchangeThenHalfClose(String raw) throws Exception {
        return exchange(raw, true);
    }

    private static Exchange exchange(String raw, boolean halfClose) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
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
            } catch (IOException reset) {
                // A reset (the gateway closed with our bytes unread) closes the connection as well.
                closed = true;
            }
            return new Exchange(received.toString(StandardCharsets.ISO_8859_1), closed);
        }
    }

    private record Exchange(String response, boolean closed) {

        int responseCount() {
            return response.split("HTTP/1.1 ", -1).length - 1;
        }
    }
}
