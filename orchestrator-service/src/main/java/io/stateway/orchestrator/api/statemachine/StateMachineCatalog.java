package io.stateway.orchestrator.api.statemachine;

import io.stateway.model.StateMachineType;
import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.ApiClock;
import io.stateway.orchestrator.api.ApiRandom;
import io.stateway.orchestrator.api.Arns;
import io.stateway.orchestrator.api.EncryptionConfiguration;
import io.stateway.orchestrator.api.PageTokens;
import io.stateway.orchestrator.api.StoredJson;
import io.stateway.orchestrator.api.tag.Tag;
import io.stateway.orchestrator.api.tag.Tags;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * State machines and their revisions: create (idempotent, as AWS), update (a new revision when
 * something changed), delete, describe and list. Every change to one machine holds its row lock, so
 * concurrent updates, publications and alias changes of one machine are serialised.
 */
@Service
class StateMachineCatalog {

    private static final String LIST_KIND = "stateMachines";

    private final StateMachineRepository machines;
    private final RevisionRepository revisions;
    private final VersionRepository versions;
    private final AliasRepository aliases;
    private final Publisher publisher;
    private final DefinitionChecks definitions;
    private final Tags tags;
    private final Arns arns;
    private final ApiClock clock;
    private final ApiRandom random;

    StateMachineCatalog(
            StateMachineRepository machines,
            RevisionRepository revisions,
            VersionRepository versions,
            AliasRepository aliases,
            Publisher publisher,
            DefinitionChecks definitions,
            Tags tags,
            Arns arns,
            ApiClock clock,
            ApiRandom random) {
        this.machines = machines;
        this.revisions = revisions;
        this.versions = versions;
        this.aliases = aliases;
        this.publisher = publisher;
        this.definitions = definitions;
        this.tags = tags;
        this.arns = arns;
        this.clock = clock;
        this.random = random;
    }

    /** A validated CreateStateMachine request. */
    record NewMachine(
            String name,
            StateMachineType type,
            String definition,
            String roleArn,
            LoggingConfiguration logging,
            boolean tracing,
            EncryptionConfiguration encryption,
            List<Tag> tags,
            boolean publish,
            String versionDescription) {}

    /**
     * Creates the machine. Asking again with the same name, definition, type, logging and tracing
     * returns the existing machine (role and tags of the repeat are ignored, as AWS does);
     * anything else under a taken name is {@code StateMachineAlreadyExists}.
     */
    @Transactional
    CreateStateMachine.Output create(NewMachine request) {
        String arn = arns.stateMachine(request.name());
        LoggingConfiguration logging = request.logging().normalized();
        Optional<StateMachineEntity> existing = machines.lockByName(request.name());
        if (existing.isPresent()) {
            StateMachineEntity machine = existing.get();
            RevisionEntity current = revisions.getReferenceById(machine.currentRevision());
            boolean same = machine.type() == request.type()
                    && current.definition().equals(request.definition())
                    && logging(current).equals(logging)
                    && current.tracingEnabled() == request.tracing();
            if (!same) {
                throw new StepFunctionsException(
                        "StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
            }
            return new CreateStateMachine.Output(
                    arn,
                    machine.creationDate(),
                    publishIfAsked(machine, request.publish(), request.versionDescription()));
        }
        Instant now = clock.now();
        RevisionEntity revision = revisions.save(new RevisionEntity(
                request.name(),
                null,
                request.definition(),
                request.roleArn(),
                StoredJson.write(logging),
                request.tracing(),
                now));
        StateMachineEntity machine = machines.save(new StateMachineEntity(
                request.name(), request.type(), revision.id(), StoredJson.write(request.encryption()), now));
        tags.add(arn, request.tags());
        return new CreateStateMachine.Output(
                arn, now, publishIfAsked(machine, request.publish(), request.versionDescription()));
    }

    /** A validated UpdateStateMachine request: {@code null} members keep their current value. */
    record Changes(
            String definition,
            String roleArn,
            LoggingConfiguration logging,
            TracingConfiguration tracing,
            EncryptionConfiguration encryption,
            boolean publish,
            String versionDescription) {}

    /**
     * Updates a machine: a new revision (with a new revisionId) when anything changed, the current
     * one otherwise; and publishes it when asked.
     */
    @Transactional
    UpdateStateMachine.Output update(StateMachineRef.Latest ref, Changes changes) {
        StateMachineEntity machine = machines.lockByName(ref.name())
                .filter(m -> ref.isLocal(arns))
                .orElseThrow(() -> StepFunctionsException.stateMachineDoesNotExist(ref.arn()));
        if (changes.definition() != null) {
            definitions.requireValid(changes.definition(), machine.type());
        }
        RevisionEntity current = revisions.getReferenceById(machine.currentRevision());
        String definition = Objects.requireNonNullElse(changes.definition(), current.definition());
        String roleArn = Objects.requireNonNullElse(changes.roleArn(), current.roleArn());
        LoggingConfiguration logging =
                changes.logging() == null ? logging(current) : changes.logging().normalized();
        boolean tracing = changes.tracing() == null
                ? current.tracingEnabled()
                : changes.tracing().isEnabled();
        boolean changed = !definition.equals(current.definition())
                || !roleArn.equals(current.roleArn())
                || !logging.equals(logging(current))
                || tracing != current.tracingEnabled();
        RevisionEntity revision = current;
        if (changed) {
            revision = revisions.save(new RevisionEntity(
                    machine.name(),
                    random.nextUuid().toString(),
                    definition,
                    roleArn,
                    StoredJson.write(logging),
                    tracing,
                    clock.now()));
            machine.moveTo(revision.id());
        }
        if (changes.encryption() != null) {
            machine.encryptWith(StoredJson.write(changes.encryption()));
        }
        String versionArn = publishIfAsked(machine, changes.publish(), changes.versionDescription());
        return new UpdateStateMachine.Output(revision.createdAt(), revision.revisionId(), versionArn);
    }

    /**
     * Deletes a machine with its versions, aliases and tags. Deleting a machine that does not exist
     * succeeds, as on AWS. Running executions are the runtime's and go on to their end.
     */
    @Transactional
    void delete(StateMachineRef.Latest ref) {
        if (!ref.isLocal(arns)) {
            return;
        }
        machines.lockByName(ref.name()).ifPresent(machine -> {
            aliases.deleteAllOf(machine.id());
            machines.deleteNow(machine.id());
            tags.removeAll(ref.arn());
        });
    }

    /** DescribeStateMachine of a machine or one of its versions. */
    @Transactional(readOnly = true)
    DescribeStateMachine.Output describe(StateMachineRef ref) {
        StateMachineEntity machine = find(ref);
        return switch (ref) {
            case StateMachineRef.Latest latest ->
                describe(machine, latest.arn(), revisions.getReferenceById(machine.currentRevision()), null);
            case StateMachineRef.Version version -> {
                VersionEntity row = versions.findByStateMachineAndVersionNumber(machine.id(), version.number())
                        .orElseThrow(() -> StepFunctionsException.stateMachineDoesNotExist(ref.arn()));
                yield describe(machine, version.arn(), revisions.getReferenceById(row.revision()), row.description());
            }
            case StateMachineRef.Alias alias ->
                throw new StepFunctionsException(
                        "InvalidArn",
                        "Invalid Arn: 'Resource type not valid in this context: alias'; use DescribeStateMachineAlias for '"
                                + alias.arn() + "'");
        };
    }

    /** A page of machines, by name. */
    @Transactional(readOnly = true)
    ListStateMachines.Output list(int pageSize, String nextToken) {
        Limit limit = Limit.of(pageSize + 1);
        List<StateMachineEntity> rows = nextToken == null
                ? machines.findAllByOrderByNameAsc(limit)
                : machines.findByNameGreaterThanOrderByNameAsc(
                        PageTokens.decode(LIST_KIND, nextToken, 1).getFirst(), limit);
        List<StateMachineEntity> page = rows.subList(0, Math.min(pageSize, rows.size()));
        String next = rows.size() > pageSize
                ? PageTokens.encode(LIST_KIND, page.getLast().name())
                : null;
        return new ListStateMachines.Output(
                page.stream()
                        .map(m -> new ListStateMachines.Item(
                                arns.stateMachine(m.name()), m.name(), m.type().name(), m.creationDate()))
                        .toList(),
                next);
    }

    private DescribeStateMachine.Output describe(
            StateMachineEntity machine, String arn, RevisionEntity revision, String description) {
        return new DescribeStateMachine.Output(
                arn,
                machine.name(),
                "ACTIVE",
                revision.definition(),
                revision.roleArn(),
                machine.type().name(),
                machine.creationDate(),
                logging(revision),
                new TracingConfiguration(revision.tracingEnabled()),
                revision.revisionId(),
                description,
                StoredJson.read(machine.encryptionConfiguration(), EncryptionConfiguration.class));
    }

    private StateMachineEntity find(StateMachineRef ref) {
        return Optional.of(ref)
                .filter(r -> r.isLocal(arns))
                .flatMap(r -> machines.findByName(r.name()))
                .orElseThrow(() -> StepFunctionsException.stateMachineDoesNotExist(ref.arn()));
    }

    private String publishIfAsked(StateMachineEntity machine, boolean publish, String description) {
        return publish ? publisher.arn(machine, publisher.publish(machine, description)) : null;
    }

    static LoggingConfiguration logging(RevisionEntity revision) {
        return StoredJson.read(revision.loggingConfiguration(), LoggingConfiguration.class)
                .normalized();
    }
}
