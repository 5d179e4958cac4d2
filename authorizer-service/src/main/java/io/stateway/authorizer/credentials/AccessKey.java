package io.stateway.authorizer.credentials;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.stateway.model.authorizer.PolicyDocument;
import java.time.Instant;
import java.util.List;

/**
 * An access key as the admin API shows it.
 *
 * @param accessKeyId its id (the {@code Credential=} of signed requests)
 * @param secretAccessKey the secret: only in the answer that creates it, never again
 * @param name who it belongs to; the principal id of requests it signs
 * @param enabled whether it may sign requests
 * @param policies what it may invoke ({@code execute-api:Invoke} on method ARNs)
 * @param createdDate when it was created
 * @param lastUpdatedDate when it last changed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessKey(
        String accessKeyId,
        String secretAccessKey,
        String name,
        boolean enabled,
        List<PolicyDocument> policies,
        Instant createdDate,
        Instant lastUpdatedDate) {}
