package io.stateway.orchestrator.api.statemachine;

import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.Violations;
import java.util.HashSet;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;

/**
 * An alias's routing configuration: one or two distinct versions of one state machine whose
 * weights add up to 100, checked as AWS checks it; and the weighted choice of a version for each
 * execution started through the alias.
 */
final class Routing {

    private Routing() {}

    /** Model constraints, added to the request's other violations. */
    static void validate(Violations violations, List<RoutingConfigurationListItem> routes) {
        if (routes == null) {
            return;
        }
        violations.size(
                "routingConfiguration",
                routes,
                1,
                2,
                routes.stream().map(r -> r == null ? "null" : r.render()).collect(Collectors.joining(", ", "[", "]")));
        for (int i = 0; i < routes.size(); i++) {
            RoutingConfigurationListItem route = routes.get(i);
            String at = "routingConfiguration." + (i + 1) + ".member";
            violations.required(at, route);
            if (route != null) {
                violations
                        .required(at + ".stateMachineVersionArn", route.stateMachineVersionArn())
                        .length(at + ".stateMachineVersionArn", route.stateMachineVersionArn(), 1, 256)
                        .required(at + ".weight", route.weight())
                        .range(at + ".weight", route.weight(), 0, 100);
            }
        }
    }

    /**
     * The versions the routes name, once the model constraints hold: distinct, weights summing to
     * 100, all version ARNs of one state machine. {@code ValidationException} otherwise.
     */
    static List<StateMachineRef.Version> versions(List<RoutingConfigurationListItem> routes) {
        List<String> arns = routes.stream()
                .map(RoutingConfigurationListItem::stateMachineVersionArn)
                .toList();
        String received = " Received: [" + String.join(", ", arns) + "]";
        if (new HashSet<>(arns).size() < arns.size()) {
            throw StepFunctionsException.validation(
                    "Routing configuration must contain distinct state machine version ARNs." + received);
        }
        List<Integer> weights =
                routes.stream().map(RoutingConfigurationListItem::weight).toList();
        if (weights.stream().mapToInt(Integer::intValue).sum() != 100) {
            throw StepFunctionsException.validation(
                    "Sum of routing configuration weights must equal 100. Received: " + weights);
        }
        List<StateMachineRef> refs = arns.stream().map(StateMachineRef::parse).toList();
        if (!refs.stream().allMatch(StateMachineRef.Version.class::isInstance)) {
            throw StepFunctionsException.validation(
                    "Routing configuration must contain state machine version ARNs." + received);
        }
        if (refs.stream().map(StateMachineRef::name).distinct().count() > 1) {
            throw StepFunctionsException.validation(
                    "Routing configuration must contain versions of the same state machine." + received);
        }
        return refs.stream().map(StateMachineRef.Version.class::cast).toList();
    }

    /**
     * Picks a route by weight: {@code random} gives a double in [0, 1); a route of weight 0 is
     * never picked.
     */
    static AliasEntity.Route pick(List<AliasEntity.Route> routes, DoubleSupplier random) {
        double point = random.getAsDouble() * 100;
        int cumulative = 0;
        for (AliasEntity.Route route : routes) {
            cumulative += route.weight();
            if (point < cumulative) {
                return route;
            }
        }
        // Unreachable while weights sum to 100: the last route with weight takes the rounding edge.
        return routes.reversed().stream()
                .filter(r -> r.weight() > 0)
                .findFirst()
                .orElseThrow();
    }
}
