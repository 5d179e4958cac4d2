package io.stateway.orchestrator.api.statemachine;

import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.EncryptionConfiguration;
import io.stateway.orchestrator.api.Violations;
import java.util.List;

/** The checks AWS makes on a state machine's role, logging and encryption settings. */
final class Configurations {

    static final List<String> TYPES = List.of("STANDARD", "EXPRESS");

    private Configurations() {}

    /** Model constraints of the settings, added to the request's other violations. */
    static void validate(Violations violations, LoggingConfiguration logging, EncryptionConfiguration encryption) {
        if (logging != null) {
            violations.oneOf("loggingConfiguration.level", logging.level(), LoggingConfiguration.LEVELS);
        }
        if (encryption != null) {
            violations
                    .required("encryptionConfiguration.type", encryption.type())
                    .oneOf("encryptionConfiguration.type", encryption.type(), EncryptionConfiguration.TYPES)
                    .range(
                            "encryptionConfiguration.kmsDataKeyReusePeriodSeconds",
                            encryption.kmsDataKeyReusePeriodSeconds(),
                            60,
                            900);
        }
    }

    /** A role ARN must at least be an ARN; Stateway assumes no roles, so it is only recorded. */
    static void checkRoleArn(String roleArn) {
        if (!roleArn.startsWith("arn:")) {
            throw invalidArn("Invalid ARN prefix: " + roleArn);
        }
        String[] parts = roleArn.split(":", 6);
        if (parts.length < 6 || parts[1].isEmpty() || parts[2].isEmpty() || parts[5].isEmpty()) {
            throw invalidArn("Invalid ARN: " + roleArn);
        }
    }

    /** Exactly one destination unless logging is OFF, as AWS demands. */
    static void checkLogging(LoggingConfiguration logging) {
        if (logging == null) {
            return;
        }
        List<LoggingConfiguration.LogDestination> destinations =
                logging.destinations() == null ? List.of() : logging.destinations();
        boolean off = logging.level() == null || "OFF".equals(logging.level());
        if (destinations.size() > 1 || (!off && destinations.isEmpty())) {
            throw invalidLogging("Must specify exactly one Log Destination.");
        }
        for (LoggingConfiguration.LogDestination destination : destinations) {
            if (destination == null
                    || destination.cloudWatchLogsLogGroup() == null
                    || destination.cloudWatchLogsLogGroup().logGroupArn() == null
                    || !destination.cloudWatchLogsLogGroup().logGroupArn().startsWith("arn:")) {
                throw invalidLogging("Log Destination must be a CloudWatch Logs log group ARN.");
            }
        }
    }

    /** Customer managed KMS keys need KMS, which Stateway does not have. */
    static void checkEncryption(EncryptionConfiguration encryption) {
        if (encryption != null && "CUSTOMER_MANAGED_KMS_KEY".equals(encryption.type())) {
            throw new StepFunctionsException(
                    "InvalidEncryptionConfiguration",
                    "Stateway does not support customer managed KMS keys; use AWS_OWNED_KEY");
        }
    }

    static void checkVersionDescription(Boolean publish, String versionDescription) {
        if (versionDescription != null && (publish == null || !publish)) {
            throw StepFunctionsException.validation("Version description can only be set when publish is true");
        }
    }

    private static StepFunctionsException invalidArn(String reason) {
        return new StepFunctionsException("InvalidArn", "Invalid Arn: '" + reason + "'");
    }

    private static StepFunctionsException invalidLogging(String reason) {
        return new StepFunctionsException("InvalidLoggingConfiguration", "Invalid Logging Configuration: " + reason);
    }
}
