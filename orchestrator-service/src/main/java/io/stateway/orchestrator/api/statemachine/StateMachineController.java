package io.stateway.orchestrator.api.statemachine;

import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.EncryptionConfiguration;
import io.stateway.orchestrator.api.rest.JsonText;
import io.stateway.orchestrator.api.rest.RestIds;
import io.stateway.orchestrator.api.tag.Tag;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The REST face of state machines, their versions and aliases. Each endpoint runs the same action
 * as the AWS JSON face; a definition may be sent as JSON text or as the JSON object itself.
 */
@RestController
@RequestMapping("/v1")
@io.swagger.v3.oas.annotations.tags.Tag(name = "State machines", description = "State machines, versions and aliases")
class StateMachineController {

    private static final String ID = "A state machine ARN or name; a version is NAME:N, an alias NAME:ALIAS";

    private final CreateStateMachine create;
    private final UpdateStateMachine update;
    private final DeleteStateMachine delete;
    private final DescribeStateMachine describe;
    private final ListStateMachines list;
    private final ValidateStateMachineDefinition validate;
    private final PublishStateMachineVersion publish;
    private final ListStateMachineVersions listVersions;
    private final DeleteStateMachineVersion deleteVersion;
    private final CreateStateMachineAlias createAlias;
    private final UpdateStateMachineAlias updateAlias;
    private final DescribeStateMachineAlias describeAlias;
    private final DeleteStateMachineAlias deleteAlias;
    private final ListStateMachineAliases listAliases;
    private final RestIds ids;

    StateMachineController(
            CreateStateMachine create,
            UpdateStateMachine update,
            DeleteStateMachine delete,
            DescribeStateMachine describe,
            ListStateMachines list,
            ValidateStateMachineDefinition validate,
            PublishStateMachineVersion publish,
            ListStateMachineVersions listVersions,
            DeleteStateMachineVersion deleteVersion,
            CreateStateMachineAlias createAlias,
            UpdateStateMachineAlias updateAlias,
            DescribeStateMachineAlias describeAlias,
            DeleteStateMachineAlias deleteAlias,
            ListStateMachineAliases listAliases,
            RestIds ids) {
        this.create = create;
        this.update = update;
        this.delete = delete;
        this.describe = describe;
        this.list = list;
        this.validate = validate;
        this.publish = publish;
        this.listVersions = listVersions;
        this.deleteVersion = deleteVersion;
        this.createAlias = createAlias;
        this.updateAlias = updateAlias;
        this.describeAlias = describeAlias;
        this.deleteAlias = deleteAlias;
        this.listAliases = listAliases;
        this.ids = ids;
    }

    /** CreateStateMachine's input, with the definition as text or as JSON. */
    record CreateBody(
            String name,
            JsonNode definition,
            String roleArn,
            String type,
            LoggingConfiguration loggingConfiguration,
            List<Tag> tags,
            TracingConfiguration tracingConfiguration,
            Boolean publish,
            String versionDescription,
            EncryptionConfiguration encryptionConfiguration) {}

    @PostMapping("/state-machines")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a state machine (CreateStateMachine)")
    CreateStateMachine.Output create(@RequestBody CreateBody body) {
        return create.handle(new CreateStateMachine.Input(
                body.name(),
                JsonText.of(body.definition()),
                body.roleArn(),
                body.type(),
                body.loggingConfiguration(),
                body.tags(),
                body.tracingConfiguration(),
                body.publish(),
                body.versionDescription(),
                body.encryptionConfiguration()));
    }

    @GetMapping("/state-machines")
    @Operation(summary = "List state machines by name (ListStateMachines)")
    ListStateMachines.Output list(
            @RequestParam(required = false) Integer maxResults, @RequestParam(required = false) String nextToken) {
        return list.handle(new ListStateMachines.Input(maxResults, nextToken));
    }

    @GetMapping("/state-machines/{stateMachine}")
    @Operation(summary = "Describe a state machine or one of its versions (DescribeStateMachine)")
    DescribeStateMachine.Output describe(@Parameter(description = ID) @PathVariable String stateMachine) {
        return describe.handle(new DescribeStateMachine.Input(ids.stateMachine(stateMachine), null));
    }

    /** UpdateStateMachine's input without the ARN (in the path), the definition as text or JSON. */
    record UpdateBody(
            JsonNode definition,
            String roleArn,
            LoggingConfiguration loggingConfiguration,
            TracingConfiguration tracingConfiguration,
            Boolean publish,
            String versionDescription,
            EncryptionConfiguration encryptionConfiguration) {}

    @PatchMapping("/state-machines/{stateMachine}")
    @Operation(summary = "Update a state machine (UpdateStateMachine)")
    UpdateStateMachine.Output update(
            @Parameter(description = ID) @PathVariable String stateMachine, @RequestBody UpdateBody body) {
        return update.handle(new UpdateStateMachine.Input(
                ids.stateMachine(stateMachine),
                JsonText.of(body.definition()),
                body.roleArn(),
                body.loggingConfiguration(),
                body.tracingConfiguration(),
                body.publish(),
                body.versionDescription(),
                body.encryptionConfiguration()));
    }

    @DeleteMapping("/state-machines/{stateMachine}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a state machine with its versions and aliases (DeleteStateMachine)")
    void delete(@Parameter(description = ID) @PathVariable String stateMachine) {
        delete.handle(new DeleteStateMachine.Input(ids.stateMachine(stateMachine)));
    }

    /** ValidateStateMachineDefinition's input, the definition as text or JSON. */
    record ValidateBody(JsonNode definition, String type, String severity, Integer maxResults) {}

    @PostMapping("/validate")
    @Operation(summary = "Validate a definition (ValidateStateMachineDefinition)")
    ValidateStateMachineDefinition.Output validate(@RequestBody ValidateBody body) {
        return validate.handle(new ValidateStateMachineDefinition.Input(
                JsonText.of(body.definition()), body.type(), body.severity(), body.maxResults()));
    }

    record PublishBody(String revisionId, String description) {}

    @PostMapping("/state-machines/{stateMachine}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish the current revision as a version (PublishStateMachineVersion)")
    PublishStateMachineVersion.Output publish(
            @Parameter(description = ID) @PathVariable String stateMachine,
            @RequestBody(required = false) PublishBody body) {
        PublishBody given = body == null ? new PublishBody(null, null) : body;
        return publish.handle(new PublishStateMachineVersion.Input(
                ids.stateMachine(stateMachine), given.revisionId(), given.description()));
    }

    @GetMapping("/state-machines/{stateMachine}/versions")
    @Operation(summary = "List versions, newest first (ListStateMachineVersions)")
    ListStateMachineVersions.Output versions(
            @Parameter(description = ID) @PathVariable String stateMachine,
            @RequestParam(required = false) Integer maxResults,
            @RequestParam(required = false) String nextToken) {
        return listVersions.handle(
                new ListStateMachineVersions.Input(ids.stateMachine(stateMachine), nextToken, maxResults));
    }

    @DeleteMapping("/state-machines/{stateMachine}/versions/{version}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a version (DeleteStateMachineVersion)")
    void deleteVersion(@PathVariable String stateMachine, @PathVariable String version) {
        deleteVersion.handle(new DeleteStateMachineVersion.Input(ids.stateMachine(stateMachine) + ":" + version));
    }

    @PostMapping("/state-machines/{stateMachine}/aliases")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an alias routing to one or two versions (CreateStateMachineAlias)")
    CreateStateMachineAlias.Output createAlias(
            @Parameter(description = ID) @PathVariable String stateMachine,
            @RequestBody CreateStateMachineAlias.Input body) {
        String machine = ids.stateMachine(stateMachine);
        if (body.routingConfiguration() != null
                && body.routingConfiguration().stream()
                        .anyMatch(r -> r == null
                                || r.stateMachineVersionArn() == null
                                || !r.stateMachineVersionArn().startsWith(machine + ":"))) {
            throw StepFunctionsException.validation(
                    "Routing configuration must contain versions of the state machine '" + machine + "'");
        }
        return createAlias.handle(body);
    }

    @GetMapping("/state-machines/{stateMachine}/aliases")
    @Operation(summary = "List aliases, oldest first (ListStateMachineAliases)")
    ListStateMachineAliases.Output aliases(
            @Parameter(description = ID) @PathVariable String stateMachine,
            @RequestParam(required = false) Integer maxResults,
            @RequestParam(required = false) String nextToken) {
        return listAliases.handle(
                new ListStateMachineAliases.Input(ids.stateMachine(stateMachine), nextToken, maxResults));
    }

    @GetMapping("/state-machines/{stateMachine}/aliases/{alias}")
    @Operation(summary = "Describe an alias (DescribeStateMachineAlias)")
    DescribeStateMachineAlias.Output describeAlias(@PathVariable String stateMachine, @PathVariable String alias) {
        return describeAlias.handle(new DescribeStateMachineAlias.Input(ids.stateMachine(stateMachine) + ":" + alias));
    }

    record UpdateAliasBody(String description, List<RoutingConfigurationListItem> routingConfiguration) {}

    @PatchMapping("/state-machines/{stateMachine}/aliases/{alias}")
    @Operation(summary = "Update an alias (UpdateStateMachineAlias)")
    UpdateStateMachineAlias.Output updateAlias(
            @PathVariable String stateMachine, @PathVariable String alias, @RequestBody UpdateAliasBody body) {
        return updateAlias.handle(new UpdateStateMachineAlias.Input(
                ids.stateMachine(stateMachine) + ":" + alias, body.description(), body.routingConfiguration()));
    }

    @DeleteMapping("/state-machines/{stateMachine}/aliases/{alias}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an alias (DeleteStateMachineAlias)")
    void deleteAlias(@PathVariable String stateMachine, @PathVariable String alias) {
        deleteAlias.handle(new DeleteStateMachineAlias.Input(ids.stateMachine(stateMachine) + ":" + alias));
    }
}
