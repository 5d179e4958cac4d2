package io.stateway.history.timeline;

import io.stateway.history.execution.Executions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/executions/{executionArn}/timeline}: where the time went and what failed. */
@RestController
class TimelineController {

    private final Executions executions;
    private final Timelines timelines;

    TimelineController(Executions executions, Timelines timelines) {
        this.executions = executions;
        this.timelines = timelines;
    }

    @GetMapping("/v1/executions/{executionArn}/timeline")
    Timeline timeline(@PathVariable String executionArn) {
        return timelines.of(executions.require(executionArn));
    }
}
