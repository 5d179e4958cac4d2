package io.stateway.orchestrator.api;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The AWS SDK's Step Functions client, pointed at a local orchestrator as users point theirs: an
 * endpoint override and static credentials.
 */
public final class SfnClients {

    static final String ACCESS_KEY = "AKIDSTATEWAYTEST";
    static final String SECRET_KEY = "stateway-test-secret-key";

    private SfnClients() {}

    public static SfnClient local(int port) {
        return local(port, ACCESS_KEY, SECRET_KEY);
    }

    /** No retries: a test sees the first answer. */
    public static SfnClient local(int port, String accessKey, String secretKey) {
        return SfnClient.builder()
                .endpointOverride(URI.create("http://localhost:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry())
                        // StartSyncExecution's endpoint has AWS's "sync-" host prefix: not for localhost.
                        .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                .build();
    }
}
