package io.stateway.orchestrator.api.statemachine;

import java.util.List;

/**
 * AWS's {@code LoggingConfiguration}. Stored and reported as given (with AWS's defaults: level
 * {@code OFF}, {@code includeExecutionData} false); Stateway itself sends no logs to CloudWatch.
 */
public record LoggingConfiguration(String level, Boolean includeExecutionData, List<LogDestination> destinations) {

    static final List<String> LEVELS = List.of("ALL", "ERROR", "FATAL", "OFF");

    /** This configuration with AWS's defaults filled in, as DescribeStateMachine reports it. */
    LoggingConfiguration normalized() {
        return new LoggingConfiguration(
                level == null ? "OFF" : level,
                includeExecutionData != null && includeExecutionData,
                destinations == null || destinations.isEmpty() ? null : List.copyOf(destinations));
    }

    static LoggingConfiguration defaults() {
        return new LoggingConfiguration(null, null, null).normalized();
    }

    /** One log destination: a CloudWatch Logs log group. */
    public record LogDestination(CloudWatchLogsLogGroup cloudWatchLogsLogGroup) {}

    public record CloudWatchLogsLogGroup(String logGroupArn) {}
}
