package io.stateway.orchestrator.api.sigv4;

import io.stateway.model.sigv4.SigV4Canonical;
import io.stateway.model.sigv4.SigV4Exception;
import io.stateway.model.sigv4.SigV4Request;
import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.ApiProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks AWS Signature Version 4 on API requests against the configured access keys, with the
 * verifier of shared-model scoped to this region and the {@code states} service; a refusal is
 * AWS's error ({@code MissingAuthenticationTokenException}, {@code IncompleteSignatureException},
 * {@code UnrecognizedClientException}, {@code InvalidSignatureException}).
 */
final class SigV4Verifier {

    static final String SERVICE = "states";

    private final Map<String, byte[]> secrets;
    private final io.stateway.model.sigv4.SigV4Verifier verifier;

    /** A verifier for requests to this region's Step Functions ({@code states}). */
    SigV4Verifier(List<ApiProperties.AccessKey> keys, String region, Duration maxSkew) {
        this(keys, region, SERVICE, maxSkew);
    }

    SigV4Verifier(List<ApiProperties.AccessKey> keys, String region, String service, Duration maxSkew) {
        this.secrets = keys.stream()
                .collect(Collectors.toUnmodifiableMap(
                        ApiProperties.AccessKey::accessKeyId,
                        key -> key.secretAccessKey().getBytes(StandardCharsets.UTF_8)));
        this.verifier = new io.stateway.model.sigv4.SigV4Verifier(region, service, maxSkew);
    }

    /** Returns the access key id the request was signed with, or throws AWS's error. */
    String verify(ReceivedRequest request, Instant now) {
        SigV4Request signed = new SigV4Request(
                request.method(),
                request.rawPath(),
                request.rawQuery(),
                request.headers(),
                SigV4Canonical.payloadHash(request.body()));
        try {
            return verifier.verify(signed, now, id -> Optional.ofNullable(secrets.get(id)));
        } catch (SigV4Exception refused) {
            throw new StepFunctionsException(refused.code(), refused.getMessage());
        }
    }
}
