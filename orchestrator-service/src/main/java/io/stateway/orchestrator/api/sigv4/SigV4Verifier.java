package io.stateway.orchestrator.api.sigv4;

import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.ApiProperties;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks AWS Signature Version 4 ({@code Authorization: AWS4-HMAC-SHA256 ...}) on API requests
 * against the configured access keys, as AWS does: the scope must name this region and the {@code
 * states} service, {@code X-Amz-Date} must be within the allowed skew, the body must be the signed
 * one, and the signature is compared in constant time. Failures are AWS's errors ({@code
 * MissingAuthenticationTokenException}, {@code IncompleteSignatureException}, {@code
 * UnrecognizedClientException}, {@code InvalidSignatureException}). Plain Java; the time is passed
 * in.
 */
final class SigV4Verifier {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String SERVICE = "states";

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256\\s+Credential=([^,\\s]+)\\s*,\\s*SignedHeaders=([^,\\s]+)\\s*,\\s*Signature=([0-9a-fA-F]+)\\s*");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, String> secrets;
    private final String region;
    private final String service;
    private final Duration maxSkew;

    /** A verifier for requests to this region's Step Functions ({@code states}). */
    SigV4Verifier(List<ApiProperties.AccessKey> keys, String region, Duration maxSkew) {
        this(keys, region, SERVICE, maxSkew);
    }

    SigV4Verifier(List<ApiProperties.AccessKey> keys, String region, String service, Duration maxSkew) {
        this.secrets = keys.stream()
                .collect(Collectors.toUnmodifiableMap(
                        ApiProperties.AccessKey::accessKeyId, ApiProperties.AccessKey::secretAccessKey));
        this.region = region;
        this.service = service;
        this.maxSkew = maxSkew;
    }

    /** Returns the access key id the request was signed with, or throws AWS's error. */
    String verify(ReceivedRequest request, Instant now) {
        String authorization = request.header("authorization");
        if (authorization == null) {
            throw error("MissingAuthenticationTokenException", "Missing Authentication Token");
        }
        Matcher parts = AUTHORIZATION.matcher(authorization);
        if (!parts.matches()) {
            throw error(
                    "IncompleteSignatureException",
                    "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters"
                            + " of the " + ALGORITHM + " algorithm");
        }
        String[] credential = parts.group(1).split("/", -1);
        if (credential.length != 5 || !"aws4_request".equals(credential[4])) {
            throw error(
                    "IncompleteSignatureException",
                    "Credential must have the form <key>/<date>/<region>/<service>/aws4_request");
        }
        String amzDate = request.header("x-amz-date");
        Instant signedAt = parseDate(amzDate);
        if (!credential[1].equals(amzDate.substring(0, 8))) {
            throw invalidSignature("Credential should be scoped to a valid date: " + amzDate.substring(0, 8));
        }
        if (!region.equals(credential[2])) {
            throw invalidSignature("Credential should be scoped to a valid region: '" + region + "'");
        }
        if (!service.equals(credential[3])) {
            throw invalidSignature("Credential should be scoped to correct service: '" + service + "'");
        }
        if (Duration.between(signedAt, now).abs().compareTo(maxSkew) > 0) {
            throw invalidSignature("Signature expired: " + amzDate + " is more than " + maxSkew.toMinutes()
                    + " minutes from the server's time " + AMZ_DATE.format(now.atOffset(ZoneOffset.UTC)));
        }
        String secret = secrets.get(credential[0]);
        if (secret == null) {
            throw error("UnrecognizedClientException", "The security token included in the request is invalid.");
        }
        List<String> signedHeaders = Arrays.asList(parts.group(2).split(";"));
        if (!signedHeaders.contains("host")) {
            throw invalidSignature("The host header must be signed");
        }
        String payloadHash = payloadHash(request);
        String scope = String.join("/", credential[1], credential[2], credential[3], credential[4]);
        byte[] key = signingKey(secret, credential[1], credential[2], credential[3]);
        byte[] given = HEX.parseHex(parts.group(3).toLowerCase(Locale.ROOT));
        // Clients canonicalise the path in one of two ways (AWS SDKs encode it again, curl does not).
        for (String path : canonicalPaths(request.rawPath())) {
            String canonical = String.join(
                    "\n",
                    request.method(),
                    path,
                    canonicalQuery(request.rawQuery()),
                    canonicalHeaders(request, signedHeaders),
                    String.join(";", signedHeaders),
                    payloadHash);
            String toSign = String.join(
                    "\n", ALGORITHM, amzDate, scope, HEX.formatHex(sha256(canonical.getBytes(StandardCharsets.UTF_8))));
            if (MessageDigest.isEqual(hmac(key, toSign), given)) {
                return credential[0];
            }
        }
        throw invalidSignature(
                "The request signature we calculated does not match the signature you provided."
                        + " Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
    }

    private static Instant parseDate(String amzDate) {
        if (amzDate == null) {
            throw error(
                    "IncompleteSignatureException", "Authorization header requires existence of the X-Amz-Date header");
        }
        try {
            return LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException malformed) {
            throw error(
                    "IncompleteSignatureException", "X-Amz-Date must have the form yyyyMMdd'T'HHmmss'Z': " + amzDate);
        }
    }

    private static String payloadHash(ReceivedRequest request) {
        String computed = HEX.formatHex(sha256(request.body()));
        String declared = request.header("x-amz-content-sha256");
        if (declared != null && !declared.equalsIgnoreCase(computed)) {
            throw invalidSignature(
                    "The body does not match its x-amz-content-sha256 (unsigned payloads are not accepted)");
        }
        return computed;
    }

    /** The canonical URI: AWS's (each segment encoded again, dot segments removed) and the path as sent. */
    static Set<String> canonicalPaths(String rawPath) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add(Arrays.stream(normalize(path).split("/", -1))
                .map(SigV4Verifier::encode)
                .collect(Collectors.joining("/")));
        candidates.add(path);
        return candidates;
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

    static String canonicalQuery(String rawQuery) {
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

    private static String canonicalHeaders(ReceivedRequest request, List<String> signedHeaders) {
        StringBuilder headers = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = request.headers().get(name);
            if (values == null) {
                throw invalidSignature("The signed header '" + name + "' is not in the request");
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

    /** RFC 3986 percent-encoding of everything but the unreserved characters, as SigV4 requires. */
    static String encode(String text) {
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

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    private static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] dateKey = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        return hmac(hmac(hmac(dateKey, region), service), "aws4_request");
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException unavailable) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", unavailable);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException("SHA-256 is part of every JDK", unavailable);
        }
    }

    private static StepFunctionsException invalidSignature(String message) {
        return error("InvalidSignatureException", message);
    }

    private static StepFunctionsException error(String code, String message) {
        return new StepFunctionsException(code, message);
    }
}
