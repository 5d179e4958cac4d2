package io.stateway.model.sigv4;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** AWS Signature Version 4's canonical forms and key derivation (AWS's "Create a signed AWS API request"). */
public final class SigV4Canonical {

    public static final String ALGORITHM = "AWS4-HMAC-SHA256";

    private static final HexFormat HEX = HexFormat.of();

    private SigV4Canonical() {}

    /**
     * The candidate canonical URIs: AWS's (dot segments removed, each segment encoded again, as AWS
     * SDKs sign for every service but S3) and the path as sent (as curl and S3-style signers sign it).
     */
    public static Set<String> canonicalPaths(String rawPath) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add(Arrays.stream(normalize(path).split("/", -1))
                .map(SigV4Canonical::encode)
                .collect(Collectors.joining("/")));
        candidates.add(path);
        return candidates;
    }

    /** The canonical query string: parameters decoded, encoded again per RFC 3986, sorted by name then value. */
    public static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        return Arrays.stream(rawQuery.split("&"))
                .filter(pair -> !pair.isEmpty())
                .map(pair -> {
                    int eq = pair.indexOf('=');
                    String name = eq < 0 ? pair : pair.substring(0, eq);
                    String value = eq < 0 ? "" : pair.substring(eq + 1);
                    return encode(decode(name)) + "=" + encode(decode(value));
                })
                .sorted()
                .collect(Collectors.joining("&"));
    }

    /**
     * The canonical headers of the signed ones: {@code name:value} lines, values trimmed with inner
     * runs of spaces collapsed, several values joined by commas.
     *
     * @throws SigV4Exception when a signed header is missing from the request
     */
    public static String canonicalHeaders(SigV4Request request, List<String> signedHeaders) {
        StringBuilder headers = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = request.headers().get(name);
            if (values == null) {
                throw new SigV4Exception(
                        "InvalidSignatureException", "The signed header '" + name + "' is not in the request");
            }
            headers.append(name)
                    .append(':')
                    .append(values.stream()
                            .map(v -> v.trim().replaceAll("\\s+", " "))
                            .collect(Collectors.joining(",")))
                    .append('\n');
        }
        return headers.toString();
    }

    /** The canonical request for one candidate canonical URI. */
    public static String canonicalRequest(SigV4Request request, String canonicalPath, List<String> signedHeaders) {
        return String.join(
                "\n",
                request.method(),
                canonicalPath,
                canonicalQuery(request.rawQuery()),
                canonicalHeaders(request, signedHeaders),
                String.join(";", signedHeaders),
                request.payloadSha256());
    }

    /** The string to sign: algorithm, request date, scope and the canonical request's hash. */
    public static String stringToSign(String amzDate, String scope, String canonicalRequest) {
        return String.join(
                "\n",
                ALGORITHM,
                amzDate,
                scope,
                HEX.formatHex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
    }

    /** The signing key of a secret for a day, region and service. */
    public static byte[] signingKey(byte[] secret, String date, String region, String service) {
        byte[] prefixed = new byte[secret.length + 4];
        System.arraycopy("AWS4".getBytes(StandardCharsets.US_ASCII), 0, prefixed, 0, 4);
        System.arraycopy(secret, 0, prefixed, 4, secret.length);
        try {
            return hmac(hmac(hmac(hmac(prefixed, date), region), service), "aws4_request");
        } finally {
            Arrays.fill(prefixed, (byte) 0);
        }
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters, as SigV4 requires. */
    public static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(HEX.withUpperCase().toHexDigits((byte) c));
            }
        }
        return out.toString();
    }

    public static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException unavailable) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", unavailable);
        }
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException("SHA-256 is part of every JDK", unavailable);
        }
    }

    /** Hex SHA-256 of a body, SigV4's payload hash. */
    public static String payloadHash(byte[] body) {
        return HEX.formatHex(sha256(body));
    }

    private static String normalize(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            switch (segment) {
                case "." -> {}
                case ".." -> {
                    if (segments.size() > 1) {
                        segments.removeLast();
                    }
                }
                default -> segments.add(segment);
            }
        }
        String normalized = String.join("/", segments);
        return normalized.isEmpty() ? "/" : normalized;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
