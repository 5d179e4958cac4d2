package io.stateway.orchestrator.api.statemachine;

import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.PageTokens;
import io.stateway.orchestrator.api.Violations;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** ListStateMachineAliases: a machine's aliases, oldest first. */
@Component
public final class ListStateMachineAliases
        implements Action<ListStateMachineAliases.Input, ListStateMachineAliases.Output> {

    private final AliasCatalog catalog;

    ListStateMachineAliases(AliasCatalog catalog) {
        this.catalog = catalog;
    }

    public record Input(String stateMachineArn, String nextToken, Integer maxResults) {}

    public record Output(List<Item> stateMachineAliases, String nextToken) {}

    public record Item(String stateMachineAliasArn, Instant creationDate) {}

    @Override
    public String name() {
        return "ListStateMachineAliases";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Output handle(Input input) {
        new Violations()
                .required("stateMachineArn", input.stateMachineArn())
                .length("stateMachineArn", input.stateMachineArn(), 1, 256)
                .length("nextToken", input.nextToken(), 1, 1024)
                .range("maxResults", input.maxResults(), 0, 1000)
                .throwIfAny();
        if (!(StateMachineRef.parse(input.stateMachineArn()) instanceof StateMachineRef.Latest latest)) {
            throw new StepFunctionsException(
                    "InvalidArn",
                    "Invalid Arn: 'Not an unqualified state machine ARN: " + input.stateMachineArn() + "'");
        }
        return catalog.list(latest, PageTokens.pageSize(input.maxResults()), input.nextToken());
    }
}
