package io.stateway.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Checks that a Redis answers (AUTH if the URL has a password, then PING), without a client library. */
final class RedisPing {

    private RedisPing() {}

    /** Throws an IOException saying why the Redis at {@code url} does not answer PING. */
    static void check(String url) throws IOException {
        URI uri = URI.create(url);
        if (uri.getHost() == null
                || !(uri.getScheme().equals("redis") || uri.getScheme().equals("rediss"))) {
            throw new IOException("not a redis://[:password@]host:port URL");
        }
        if (uri.getScheme().equals("rediss")) {
            return; // TLS: leave the check to the gateway's client
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()), 3_000);
            socket.setSoTimeout(3_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            if (uri.getRawUserInfo() != null) {
                String userInfo = uri.getRawUserInfo();
                String password =
                        URLDecoder.decode(userInfo.substring(userInfo.indexOf(':') + 1), StandardCharsets.UTF_8);
                send(out, "AUTH", password);
                expect(in, "+OK");
            }
            send(out, "PING");
            expect(in, "+PONG");
        }
    }

    private static void send(OutputStream out, String... words) throws IOException {
        StringBuilder command = new StringBuilder("*").append(words.length).append("\r\n");
        for (String word : words) {
            command.append('$')
                    .append(word.getBytes(StandardCharsets.UTF_8).length)
                    .append("\r\n")
                    .append(word)
                    .append("\r\n");
        }
        out.write(command.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void expect(InputStream in, String reply) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\r'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            line.append((char) b);
        }
        if (!line.toString().equals(reply)) {
            throw new IOException("answered " + line);
        }
    }
}
