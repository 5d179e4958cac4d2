package io.stateway.gateway.cache;

import io.stateway.gateway.pipeline.HeaderList;
import io.stateway.gateway.pipeline.MethodResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bytes a cached response is kept as in Redis: a version byte, the status, the headers as
 * length-prefixed UTF-8 pairs, then the body. A plain layout rather than Java serialization, so that
 * nothing read back from Redis can make the gateway instantiate classes.
 */
final class CachedResponses {

    private static final byte VERSION = 1;

    private CachedResponses() {}

    static byte[] encode(MethodResponse response) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(response.body().length + 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeShort(response.status());
            List<String[]> headers = new ArrayList<>();
            response.headers().forEach((name, value) -> headers.add(new String[] {name, value}));
            out.writeInt(headers.size());
            for (String[] header : headers) {
                writeText(out, header[0]);
                writeText(out, header[1]);
            }
            out.writeInt(response.body().length);
            out.write(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The response, or empty if the bytes are not an entry of this version (then it counts as a miss). */
    static Optional<MethodResponse> decode(byte[] entry) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry))) {
            if (in.readByte() != VERSION) {
                return Optional.empty();
            }
            int status = in.readUnsignedShort();
            int count = in.readInt();
            if (count < 0 || count > entry.length) {
                return Optional.empty();
            }
            HeaderList headers = new HeaderList();
            for (int i = 0; i < count; i++) {
                headers.add(readText(in, entry.length), readText(in, entry.length));
            }
            int length = in.readInt();
            if (length < 0 || length > entry.length) {
                return Optional.empty();
            }
            byte[] body = in.readNBytes(length);
            if (body.length != length) {
                return Optional.empty();
            }
            return Optional.of(new MethodResponse(status, headers, body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in, int limit) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > limit) {
            throw new IOException("bad length " + length);
        }
        byte[] utf8 = in.readNBytes(length);
        if (utf8.length != length) {
            throw new IOException("truncated");
        }
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
