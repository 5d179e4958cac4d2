package io.stateway.orchestrator.api.statemachine;

import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.Arns;
import io.stateway.orchestrator.api.PageTokens;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Versions of state machines: publish, list (newest first) and delete. */
@Service
class VersionCatalog {

    private static final String LIST_KIND = "versions";

    private final StateMachineRepository machines;
    private final RevisionRepository revisions;
    private final VersionRepository versions;
    private final AliasRepository aliases;
    private final Publisher publisher;
    private final Arns arns;

    VersionCatalog(
            StateMachineRepository machines,
            RevisionRepository revisions,
            VersionRepository versions,
            AliasRepository aliases,
            Publisher publisher,
            Arns arns) {
        this.machines = machines;
        this.revisions = revisions;
        this.versions = versions;
        this.aliases = aliases;
        this.publisher = publisher;
        this.arns = arns;
    }

    /**
     * Publishes the machine's current revision; {@code expectedRevisionId}, when given, must be the
     * current revision's id ({@code ConflictException} otherwise).
     */
    @Transactional
    PublishStateMachineVersion.Output publish(
            StateMachineRef.Latest ref, String expectedRevisionId, String description) {
        StateMachineEntity machine = machines.lockByName(ref.name())
                .filter(m -> ref.isLocal(arns))
                .orElseThrow(() -> StepFunctionsException.stateMachineDoesNotExist(ref.arn()));
        String currentRevisionId =
                revisions.getReferenceById(machine.currentRevision()).revisionId();
        if (expectedRevisionId != null && !Objects.equals(expectedRevisionId, currentRevisionId)) {
            throw new StepFunctionsException(
                    "ConflictException",
                    "Failed to publish the State Machine version for revision " + expectedRevisionId
                            + ". The current State Machine revision is " + currentRevisionId + ".");
        }
        VersionEntity version = publisher.publish(machine, description);
        return new PublishStateMachineVersion.Output(version.creationDate(), publisher.arn(machine, version));
    }

    /** A page of a machine's versions, newest first; none for a machine that does not exist. */
    @Transactional(readOnly = true)
    ListStateMachineVersions.Output list(StateMachineRef.Latest ref, int pageSize, String nextToken) {
        Integer before = nextToken == null
                ? null
                : parseNumber(PageTokens.decode(LIST_KIND, nextToken, 1).getFirst());
        Optional<StateMachineEntity> machine =
                Optional.of(ref).filter(r -> r.isLocal(arns)).flatMap(r -> machines.findByName(r.name()));
        if (machine.isEmpty()) {
            return new ListStateMachineVersions.Output(List.of(), null);
        }
        Long id = machine.get().id();
        Limit limit = Limit.of(pageSize + 1);
        List<VersionEntity> rows = before == null
                ? versions.findByStateMachineOrderByVersionNumberDesc(id, limit)
                : versions.findByStateMachineAndVersionNumberLessThanOrderByVersionNumberDesc(id, before, limit);
        List<VersionEntity> page = rows.subList(0, Math.min(pageSize, rows.size()));
        String next = rows.size() > pageSize
                ? PageTokens.encode(LIST_KIND, String.valueOf(page.getLast().versionNumber()))
                : null;
        return new ListStateMachineVersions.Output(
                page.stream()
                        .map(v -> new ListStateMachineVersions.Item(
                                arns.version(ref.name(), v.versionNumber()), v.creationDate()))
                        .toList(),
                next);
    }

    /**
     * Deletes a version; one that does not exist is already deleted. A version an alias routes to
     * is {@code ConflictException}, naming the aliases.
     */
    @Transactional
    void delete(StateMachineRef.Version ref) {
        if (!ref.isLocal(arns)) {
            return;
        }
        machines.lockByName(ref.name())
                .flatMap(machine -> versions.findByStateMachineAndVersionNumber(machine.id(), ref.number()))
                .ifPresent(version -> {
                    List<String> routing = aliases.namesRoutingTo(version.id());
                    if (!routing.isEmpty()) {
                        throw new StepFunctionsException(
                                "ConflictException",
                                "Version to be deleted must not be referenced by an alias. Current list of aliases"
                                        + " referencing this version: [" + String.join(", ", routing) + "]");
                    }
                    versions.delete(version);
                });
    }

    private static int parseNumber(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notOurs) {
            throw PageTokens.invalid();
        }
    }
}
