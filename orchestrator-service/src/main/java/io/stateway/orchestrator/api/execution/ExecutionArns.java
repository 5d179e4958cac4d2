package io.stateway.orchestrator.api.execution;

import io.stateway.orchestrator.api.StatesArn;

/**
 * Execution ARNs: {@code ...:execution:<machine>:<name>} for Standard executions, {@code
 * ...:express:<machine>:<name>:<id>} for synchronous Express ones, whose history AWS does not keep
 * (so most actions refuse them, as AWS does).
 */
final class ExecutionArns {

    private ExecutionArns() {}

    /** Checks a Standard execution's ARN; an Express one is {@code InvalidArn}, as on AWS. */
    static void requireStandard(String arn) {
        StatesArn parsed = requireAny(arn);
        if (parsed.resourceType().equals("express")) {
            throw StatesArn.invalid("Resource type not valid in this context: express");
        }
    }

    static StatesArn requireAny(String arn) {
        StatesArn parsed = StatesArn.parse(arn, "execution", "express");
        int parts = parsed.resourceType().equals("execution") ? 2 : 3;
        if (parsed.resource().size() != parts) {
            throw StatesArn.invalid("Invalid ARN: " + arn);
        }
        return parsed;
    }
}
