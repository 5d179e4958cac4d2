package io.stateway.orchestrator.runtime;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the durable runtime, under {@code stateway.orchestrator.runtime}; defaults and their
 * documentation are in {@code application.yaml}.
 *
 * @param region the region in ARNs this service mints
 * @param accountId the account id in ARNs
 * @param workers how many work items one replica runs at once (each on a virtual thread)
 * @param batchSize how many due items one claim takes
 * @param pollInterval how long an idle worker waits before it claims again
 * @param lease how long a claimed state transition stays this replica's before another may take it
 * @param taskLeaseGrace added to a task's timeout to make its lease (longer than the longest call)
 * @param defaultTaskTimeout the lease base for tasks without {@code TimeoutSeconds}
 */
@Validated
@ConfigurationProperties("stateway.orchestrator.runtime")
public record RuntimeProperties(
        @NotBlank String region,
        @NotBlank String accountId,
        @Min(1) int workers,
        @Min(1) int batchSize,
        @NotNull Duration pollInterval,
        @NotNull Duration lease,
        @NotNull Duration taskLeaseGrace,
        @NotNull Duration defaultTaskTimeout) {}
