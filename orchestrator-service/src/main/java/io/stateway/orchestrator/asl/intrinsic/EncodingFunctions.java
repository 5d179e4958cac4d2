package io.stateway.orchestrator.asl.intrinsic;

import io.stateway.orchestrator.asl.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** {@code States.Base64Encode}, {@code States.Base64Decode} and {@code States.Hash}. */
final class EncodingFunctions {

    /** AWS's limit on the input of the encoding and hash intrinsics. */
    static final int MAX_INPUT = 10_000;

    private static final List<String> ALGORITHMS = List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    private EncodingFunctions() {}

    static JsonNode base64Encode(Arguments arguments) {
        String text = limited(arguments, 0);
        return Json.NODES.stringNode(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }

    static JsonNode base64Decode(Arguments arguments) {
        String encoded = limited(arguments, 0);
        try {
            return Json.NODES.stringNode(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw arguments.fail("the string is not valid base64: " + encoded);
        }
    }

    /** The lowercase hex digest of the string's UTF-8 bytes. */
    static JsonNode hash(Arguments arguments) {
        String data = limited(arguments, 0);
        String algorithm = arguments.string(1);
        if (!ALGORITHMS.contains(algorithm)) {
            throw arguments.fail(
                    "the algorithm must be one of " + String.join(", ", ALGORITHMS) + ", but was " + algorithm);
        }
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8));
            return Json.NODES.stringNode(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides " + algorithm, e);
        }
    }

    private static String limited(Arguments arguments, int index) {
        String text = arguments.string(index);
        if (text.length() > MAX_INPUT) {
            throw arguments.fail(
                    "the string must hold at most " + MAX_INPUT + " characters, but held " + text.length());
        }
        return text;
    }
}
