package io.stateway.orchestrator.api;

import io.stateway.orchestrator.runtime.RuntimeProperties;
import org.springframework.stereotype.Component;

/**
 * Mints the ARNs of this service's resources, in its configured region and account
 * ({@code stateway.orchestrator.runtime.region} / {@code .account-id}) and the {@code aws}
 * partition, so that ARNs look exactly like AWS's to SDKs and tooling.
 */
@Component
public final class Arns {

    public static final String PARTITION = "aws";

    private final String prefix;
    private final String region;
    private final String account;

    public Arns(RuntimeProperties runtime) {
        this.region = runtime.region();
        this.account = runtime.accountId();
        this.prefix = "arn:" + PARTITION + ":states:" + region + ":" + account + ":";
    }

    public String stateMachine(String name) {
        return prefix + "stateMachine:" + name;
    }

    public String version(String stateMachineName, int version) {
        return stateMachine(stateMachineName) + ":" + version;
    }

    public String alias(String stateMachineName, String alias) {
        return stateMachine(stateMachineName) + ":" + alias;
    }

    /** An execution's ARN from its state machine's name and its own, {@code "<machine>:<execution>"}. */
    public String execution(String machineAndName) {
        return prefix + "execution:" + machineAndName;
    }

    public String activity(String name) {
        return prefix + "activity:" + name;
    }

    /** A Lambda function's unqualified ARN in this region and account. */
    public String function(String name) {
        return "arn:" + PARTITION + ":lambda:" + region + ":" + account + ":function:" + name;
    }

    public String region() {
        return region;
    }

    public String account() {
        return account;
    }
}
