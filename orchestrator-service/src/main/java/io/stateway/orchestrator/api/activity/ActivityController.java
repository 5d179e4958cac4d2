package io.stateway.orchestrator.api.activity;

import io.stateway.orchestrator.api.rest.RestIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The REST face of activities. */
@RestController
@RequestMapping("/v1/activities")
@Tag(name = "Activities")
class ActivityController {

    private final CreateActivity create;
    private final DeleteActivity delete;
    private final DescribeActivity describe;
    private final ListActivities list;
    private final RestIds ids;

    ActivityController(
            CreateActivity create, DeleteActivity delete, DescribeActivity describe, ListActivities list, RestIds ids) {
        this.create = create;
        this.delete = delete;
        this.describe = describe;
        this.list = list;
        this.ids = ids;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an activity (CreateActivity)")
    CreateActivity.Output create(@RequestBody CreateActivity.Input body) {
        return create.handle(body);
    }

    @GetMapping
    @Operation(summary = "List activities by name (ListActivities)")
    ListActivities.Output list(
            @RequestParam(required = false) Integer maxResults, @RequestParam(required = false) String nextToken) {
        return list.handle(new ListActivities.Input(maxResults, nextToken));
    }

    @GetMapping("/{activity}")
    @Operation(summary = "Describe an activity, by ARN or name (DescribeActivity)")
    DescribeActivity.Output describe(@PathVariable String activity) {
        return describe.handle(new DescribeActivity.Input(ids.activity(activity)));
    }

    @DeleteMapping("/{activity}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an activity (DeleteActivity)")
    void delete(@PathVariable String activity) {
        delete.handle(new DeleteActivity.Input(ids.activity(activity)));
    }
}
