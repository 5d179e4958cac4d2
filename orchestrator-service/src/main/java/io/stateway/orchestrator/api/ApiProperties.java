package io.stateway.orchestrator.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Step Functions APIs, under {@code stateway.orchestrator.api}; defaults and their
 * documentation are in {@code application.yaml}.
 *
 * @param maxRequestSize the largest request body either face reads (a definition may be 1 MiB of
 *     characters, which JSON escaping makes larger)
 * @param sigv4 checking of AWS Signature Version 4 on API requests
 */
@Validated
@ConfigurationProperties("stateway.orchestrator.api")
public record ApiProperties(
        @NotNull DataSize maxRequestSize, @Valid @NotNull SigV4 sigv4) {

    /**
     * @param verify whether requests must carry a valid signature by one of {@code accessKeys}; off
     *     by default, when signatures are accepted unchecked
     * @param maxClockSkew how far a request's {@code X-Amz-Date} may be from now (AWS: 15 minutes)
     * @param accessKeys the access keys requests may be signed with
     */
    public record SigV4(
            boolean verify,
            @NotNull Duration maxClockSkew,
            @NotNull List<@Valid AccessKey> accessKeys) {

        public SigV4 {
            accessKeys = accessKeys == null ? List.of() : List.copyOf(accessKeys);
            if (verify && accessKeys.isEmpty()) {
                throw new IllegalArgumentException(
                        "stateway.orchestrator.api.sigv4.access-keys must list at least one key when verify is true");
            }
        }
    }

    /** An access key id and its secret; the secret never appears in logs. */
    public record AccessKey(
            @NotBlank String accessKeyId, @NotBlank String secretAccessKey) {

        @Override
        public String toString() {
            return "AccessKey[accessKeyId=" + accessKeyId + ", secretAccessKey=****]";
        }
    }
}
