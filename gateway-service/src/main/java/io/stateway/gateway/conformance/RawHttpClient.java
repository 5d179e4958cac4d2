package io.stateway.gateway.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client that sends a request exactly as written: path and query verbatim, headers in order
 * with their case, hop-by-hop headers included (an empty chunked body for {@code Transfer-Encoding:
 * chunked}), as the corpus requires; one connection per request.
 */
public final class RawHttpClient {

    private final String address;
    private final int port;
    private final int timeoutMillis;

    public RawHttpClient(String address, int port, int timeoutMillis) {
        this.address = address;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /** A response: status, headers in order, body. */
    public record Response(int status, List<Map.Entry<String, String>> headers, byte[] body) {

        /** The values of a header, in order. */
        public List<String> header(String name) {
            return headers.stream()
                    .filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .toList();
        }
    }

    /**
     * @param host the Host header
     * @param query the raw query string, null for none
     * @param body the body, null for none
     */
    public Response send(
            String host, String method, String path, String query, Map<String, String> headers, byte[] body)
            throws IOException {
        boolean chunked = headers.entrySet().stream()
                .anyMatch(h -> h.getKey().equalsIgnoreCase("Transfer-Encoding")
                        && h.getValue().toLowerCase(Locale.ROOT).contains("chunked"));
        boolean hasConnection = headers.keySet().stream().anyMatch(name -> name.equalsIgnoreCase("Connection"));
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(path);
        if (query != null) {
            head.append('?').append(query);
        }
        head.append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (!hasConnection) {
            head.append("Connection: keep-alive\r\n");
        }
        byte[] payload = body == null ? new byte[0] : body;
        if (chunked) {
            payload = payload.length == 0 ? "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII) : chunk(payload);
        } else if (body != null || !(method.equals("GET") || method.equals("HEAD"))) {
            head.append("Content-Length: ").append(payload.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(payload);
            out.flush();
            return read(socket.getInputStream(), method.equals("HEAD"));
        }
    }

    private static byte[] chunk(byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((Integer.toHexString(payload.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        out.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static Response read(InputStream in, boolean head) throws IOException {
        while (true) {
            String statusLine = line(in);
            if (statusLine == null) {
                throw new IOException("The connection closed before a response");
            }
            String[] parts = statusLine.split(" ", 3);
            int status = Integer.parseInt(parts[1]);
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.add(Map.entry(
                        line.substring(0, colon).trim(),
                        line.substring(colon + 1).trim()));
            }
            if (status >= 100 && status < 200) {
                continue; // 100 Continue and other interim responses
            }
            byte[] body;
            String length = value(headers, "Content-Length");
            String encoding = value(headers, "Transfer-Encoding");
            if (head || status == 204 || status == 304) {
                body = new byte[0];
            } else if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
                body = chunked(in);
            } else if (length != null) {
                body = in.readNBytes(Integer.parseInt(length.trim()));
            } else {
                body = in.readAllBytes();
            }
            return new Response(status, headers, body);
        }
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) {
                return body.toByteArray();
            }
            int length = Integer.parseInt(size.split(";", 2)[0].trim(), 16);
            if (length == 0) {
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are not part of any expectation
                }
                return body.toByteArray();
            }
            body.writeBytes(in.readNBytes(length));
            line(in);
        }
    }

    private static String value(List<Map.Entry<String, String>> headers, String name) {
        return headers.stream()
                .filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n' && previous == '\r') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(c);
            previous = c;
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
