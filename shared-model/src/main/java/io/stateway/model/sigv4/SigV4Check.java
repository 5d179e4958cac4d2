package io.stateway.model.sigv4;

import java.util.List;
import java.util.Map;

/**
 * What the gateway sends the authorizer-service to check a SigV4-signed request ({@code POST
 * /internal/v1/sigv4/verify}): the request's canonical parts, never a secret. The secret stays in
 * the authorizer-service.
 *
 * @param method the HTTP method
 * @param path the path exactly as received (stage included)
 * @param query the raw query string, or null
 * @param headers every header by name (any case), with its values in order
 * @param payloadSha256 hex SHA-256 of the body as received
 * @param authorization the {@code Authorization} header, if not among {@code headers}
 * @param amzDate the {@code X-Amz-Date} header, if not among {@code headers}
 * @param resourceArn the method ARN called, {@code arn:aws:execute-api:region:account:api/stage/METHOD/path},
 *     which the key's policies must allow
 */
public record SigV4Check(
        String method,
        String path,
        String query,
        Map<String, List<String>> headers,
        String payloadSha256,
        String authorization,
        String amzDate,
        String resourceArn) {

    /**
     * The answer.
     *
     * @param allowed whether the signature is valid and the key's policies allow the resource
     * @param principalId who signed (the access key's name), when the signature is valid
     * @param accessKeyId the access key that signed, when the signature is valid
     * @param errorType when refused, AWS's error type ({@code MissingAuthenticationTokenException},
     *     {@code IncompleteSignatureException}, {@code UnrecognizedClientException}, {@code
     *     InvalidSignatureException}, {@code AccessDeniedException})
     * @param reason when refused, AWS's message
     */
    public record Result(boolean allowed, String principalId, String accessKeyId, String errorType, String reason) {

        public static Result allowed(String principalId, String accessKeyId) {
            return new Result(true, principalId, accessKeyId, null, null);
        }

        public static Result refused(String principalId, String accessKeyId, String errorType, String reason) {
            return new Result(false, principalId, accessKeyId, errorType, reason);
        }
    }
}
