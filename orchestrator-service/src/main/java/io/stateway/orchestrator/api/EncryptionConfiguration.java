package io.stateway.orchestrator.api;

import java.util.List;

/**
 * AWS's {@code EncryptionConfiguration}. Stateway accepts {@code AWS_OWNED_KEY} (data at rest is
 * the database's concern); customer managed KMS keys need KMS and are refused.
 */
public record EncryptionConfiguration(String type, String kmsKeyId, Integer kmsDataKeyReusePeriodSeconds) {

    public static final List<String> TYPES = List.of("AWS_OWNED_KEY", "CUSTOMER_MANAGED_KMS_KEY");
}
