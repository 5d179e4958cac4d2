package io.stateway.model.sigv4;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks AWS Signature Version 4 ({@code Authorization: AWS4-HMAC-SHA256 ...}) as AWS does: the
 * scope must name this region and service and the date of {@code X-Amz-Date}, which must be within
 * the allowed skew of now; {@code host} and {@code x-amz-date} must be signed; a declared {@code
 * x-amz-content-sha256} must be the body's; the signature is compared in constant time. Plain Java,
 * time passed in; the secret of an access key comes from the caller's lookup, only once the request
 * passed every check that needs no secret.
 */
public final class SigV4Verifier {

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256\\s+Credential=([^,\\s]+)\\s*,\\s*SignedHeaders=([^,\\s]+)\\s*,\\s*Signature=([0-9a-fA-F]{64})\\s*");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final HexFormat HEX = HexFormat.of();

    private final String region;
    private final String service;
    private final Duration maxSkew;

    /**
     * @param region the region requests must be scoped to
     * @param service the service they must be scoped to ({@code states}, {@code execute-api})
     * @param maxSkew how far {@code X-Amz-Date} may be from now (AWS: 15 minutes)
     */
    public SigV4Verifier(String region, String service, Duration maxSkew) {
        this.region = Objects.requireNonNull(region, "region");
        this.service = Objects.requireNonNull(service, "service");
        this.maxSkew = Objects.requireNonNull(maxSkew, "maxSkew");
    }

    /**
     * Returns the access key id the request was signed with.
     *
     * @param secretOf the secret access key of an access key id, empty for an unknown one
     * @throws SigV4Exception with AWS's code and message when the request is refused
     */
    public String verify(SigV4Request request, Instant now, Function<String, Optional<byte[]>> secretOf) {
        String authorization = request.header("authorization");
        if (authorization == null) {
            throw new SigV4Exception("MissingAuthenticationTokenException", "Missing Authentication Token");
        }
        Matcher parts = AUTHORIZATION.matcher(authorization);
        if (!parts.matches()) {
            throw new SigV4Exception(
                    "IncompleteSignatureException",
                    "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters"
                            + " of the " + SigV4Canonical.ALGORITHM + " algorithm");
        }
        String[] credential = parts.group(1).split("/", -1);
        if (credential.length != 5 || !"aws4_request".equals(credential[4]) || credential[0].isEmpty()) {
            throw new SigV4Exception(
                    "IncompleteSignatureException",
                    "Credential must have the form <key>/<date>/<region>/<service>/aws4_request");
        }
        String amzDate = request.header("x-amz-date");
        Instant signedAt = parseDate(amzDate);
        if (!credential[1].equals(amzDate.substring(0, 8))) {
            throw invalid("Credential should be scoped to a valid date: " + amzDate.substring(0, 8));
        }
        if (!region.equals(credential[2])) {
            throw invalid("Credential should be scoped to a valid region: '" + region + "'");
        }
        if (!service.equals(credential[3])) {
            throw invalid("Credential should be scoped to correct service: '" + service + "'");
        }
        if (Duration.between(signedAt, now).abs().compareTo(maxSkew) > 0) {
            throw invalid("Signature expired: " + amzDate + " is now earlier or later than "
                    + AMZ_DATE.format(now.atOffset(ZoneOffset.UTC)) + " by more than " + maxSkew.toMinutes()
                    + " minutes");
        }
        List<String> signedHeaders = Arrays.asList(parts.group(2).split(";"));
        if (!signedHeaders.contains("host")) {
            throw invalid("The host header must be signed");
        }
        if (!signedHeaders.contains("x-amz-date")) {
            throw invalid("The x-amz-date header must be signed");
        }
        String declared = request.header("x-amz-content-sha256");
        if (declared != null && !declared.equalsIgnoreCase(request.payloadSha256())) {
            throw invalid("The body does not match its x-amz-content-sha256 (unsigned payloads are not accepted)");
        }
        byte[] secret = secretOf.apply(credential[0])
                .orElseThrow(() -> new SigV4Exception(
                        "UnrecognizedClientException", "The security token included in the request is invalid."));
        String scope = String.join("/", credential[1], credential[2], credential[3], credential[4]);
        byte[] key = SigV4Canonical.signingKey(secret, credential[1], credential[2], credential[3]);
        byte[] given = HEX.parseHex(parts.group(3).toLowerCase(Locale.ROOT));
        boolean matched = false;
        // Every candidate is computed and compared, so that the time taken says nothing about which matched.
        for (String path : SigV4Canonical.canonicalPaths(request.rawPath())) {
            String toSign = SigV4Canonical.stringToSign(
                    amzDate, scope, SigV4Canonical.canonicalRequest(request, path, signedHeaders));
            matched |= MessageDigest.isEqual(SigV4Canonical.hmac(key, toSign), given);
        }
        if (!matched) {
            throw invalid(
                    "The request signature we calculated does not match the signature you provided."
                            + " Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
        }
        return credential[0];
    }

    private static Instant parseDate(String amzDate) {
        if (amzDate == null) {
            throw new SigV4Exception(
                    "IncompleteSignatureException", "Authorization header requires existence of the X-Amz-Date header");
        }
        try {
            return LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException malformed) {
            throw new SigV4Exception(
                    "IncompleteSignatureException", "X-Amz-Date must have the form yyyyMMdd'T'HHmmss'Z': " + amzDate);
        }
    }

    private static SigV4Exception invalid(String message) {
        return new SigV4Exception("InvalidSignatureException", message);
    }
}
