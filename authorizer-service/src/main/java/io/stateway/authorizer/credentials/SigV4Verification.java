package io.stateway.authorizer.credentials;

import io.stateway.authorizer.AuthorizerProperties;
import io.stateway.authorizer.secrets.SecretBox;
import io.stateway.authorizer.web.AuthorizerException;
import io.stateway.model.authorizer.PolicyEvaluator;
import io.stateway.model.sigv4.SigV4Check;
import io.stateway.model.sigv4.SigV4Exception;
import io.stateway.model.sigv4.SigV4Request;
import io.stateway.model.sigv4.SigV4Verifier;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides a SigV4-signed API call: the signature (scoped to this region and {@code execute-api}),
 * then the signing key's policies on the method ARN. The secret is opened here and never leaves.
 */
@Component
class SigV4Verification {

    static final String SERVICE = "execute-api";
    private static final Logger log = LoggerFactory.getLogger(SigV4Verification.class);
    private static final Pattern PAYLOAD_HASH = Pattern.compile("[0-9a-fA-F]{64}");

    private final AccessKeyRepository keys;
    private final AccessKeys accessKeys;
    private final SecretBox box;
    private final SigV4Verifier verifier;
    private final Clock clock;

    SigV4Verification(
            AccessKeyRepository keys,
            AccessKeys accessKeys,
            SecretBox box,
            AuthorizerProperties properties,
            Clock clock) {
        this.keys = keys;
        this.accessKeys = accessKeys;
        this.box = box;
        this.verifier = new SigV4Verifier(
                properties.credentials().region(),
                SERVICE,
                properties.credentials().maxClockSkew());
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SigV4Check.Result check(SigV4Check check) {
        SigV4Request request = request(check);
        AtomicReference<AccessKeyEntity> signer = new AtomicReference<>();
        String accessKeyId;
        try {
            accessKeyId = verifier.verify(request, clock.instant(), id -> secret(id, signer));
        } catch (SigV4Exception refused) {
            return SigV4Check.Result.refused(null, null, refused.code(), refused.getMessage());
        }
        AccessKeyEntity key = signer.get();
        PolicyEvaluator.Decision decision =
                PolicyEvaluator.evaluate(accessKeys.policies(key), PolicyEvaluator.INVOKE, check.resourceArn());
        if (!decision.allowed()) {
            return SigV4Check.Result.refused(
                    key.name(),
                    accessKeyId,
                    "AccessDeniedException",
                    "User: " + key.name() + " is not authorized to perform: execute-api:Invoke on resource: "
                            + check.resourceArn()
                            + (decision == PolicyEvaluator.Decision.EXPLICIT_DENY ? " with an explicit deny" : ""));
        }
        return SigV4Check.Result.allowed(key.name(), accessKeyId);
    }

    private Optional<byte[]> secret(String accessKeyId, AtomicReference<AccessKeyEntity> signer) {
        Optional<AccessKeyEntity> key = keys.findById(accessKeyId).filter(AccessKeyEntity::enabled);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] secret = box.open(key.get().secret(), accessKeyId.getBytes(StandardCharsets.UTF_8));
            signer.set(key.get());
            return Optional.of(secret);
        } catch (GeneralSecurityException e) {
            // Another master key, or a row tampered with: the key is unusable, not the request malformed.
            log.error("The secret of access key {} does not open with the configured master key", accessKeyId);
            return Optional.empty();
        }
    }

    private static SigV4Request request(SigV4Check check) {
        if (check.method() == null || check.path() == null || check.resourceArn() == null) {
            throw AuthorizerException.badRequest("method, path and resourceArn are required");
        }
        if (check.payloadSha256() == null
                || !PAYLOAD_HASH.matcher(check.payloadSha256()).matches()) {
            throw AuthorizerException.badRequest("payloadSha256 must be the body's hex SHA-256");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (check.headers() != null) {
            check.headers()
                    .forEach((name, values) -> headers.computeIfAbsent(
                                    name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                            .addAll(values == null ? List.of() : values));
        }
        if (check.authorization() != null) {
            headers.put("authorization", List.of(check.authorization()));
        }
        if (check.amzDate() != null) {
            headers.put("x-amz-date", List.of(check.amzDate()));
        }
        return new SigV4Request(
                check.method(),
                check.path(),
                check.query(),
                headers,
                check.payloadSha256().toLowerCase(Locale.ROOT));
    }
}
