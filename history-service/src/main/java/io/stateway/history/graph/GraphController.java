package io.stateway.history.graph;

import io.stateway.history.definition.MachineDefinition;
import io.stateway.history.execution.ExecutionRecord;
import io.stateway.history.execution.Executions;
import io.stateway.history.web.ApiException;
import io.stateway.history.web.ErrorCode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/executions/{executionArn}/graph}: the state machine the execution ran, laid out to be drawn. */
@RestController
class GraphController {

    private final Executions executions;

    GraphController(Executions executions) {
        this.executions = executions;
    }

    @GetMapping("/v1/executions/{executionArn}/graph")
    Graph graph(@PathVariable String executionArn) {
        ExecutionRecord execution = executions.require(executionArn);
        return executions
                .definition(execution.definitionHash())
                .flatMap(MachineDefinition::parse)
                .map(GraphLayout::layout)
                .orElseThrow(() -> new ApiException(
                        ErrorCode.InternalFailure, "The definition of " + executionArn + " could not be read"));
    }
}
