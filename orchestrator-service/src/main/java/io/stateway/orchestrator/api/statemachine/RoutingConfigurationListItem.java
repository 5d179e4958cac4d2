package io.stateway.orchestrator.api.statemachine;

/** One route of an alias: a version and the percentage of executions it receives. */
public record RoutingConfigurationListItem(String stateMachineVersionArn, Integer weight) {

    /** How AWS prints a route inside a ValidationException message. */
    String render() {
        return "RoutingConfigurationListItem(stateMachineVersionArn=" + stateMachineVersionArn + ", weight=" + weight
                + ")";
    }
}
