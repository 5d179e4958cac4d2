package io.stateway.orchestrator.api.statemachine;

import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.ApiClock;
import io.stateway.orchestrator.api.Arns;
import io.stateway.orchestrator.api.PageTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Aliases of state machines: create (idempotent), update, describe, delete, list. */
@Service
class AliasCatalog {

    /** AWS's quota of aliases per state machine. */
    static final int MAX_ALIASES = 100;

    private static final String LIST_KIND = "aliases";

    private final StateMachineRepository machines;
    private final VersionRepository versions;
    private final AliasRepository aliases;
    private final Arns arns;
    private final ApiClock clock;

    AliasCatalog(
            StateMachineRepository machines,
            VersionRepository versions,
            AliasRepository aliases,
            Arns arns,
            ApiClock clock) {
        this.machines = machines;
        this.versions = versions;
        this.aliases = aliases;
        this.arns = arns;
        this.clock = clock;
    }

    /**
     * Creates an alias of the machine the routed versions belong to. The same name with the same
     * routing and description returns the existing alias; a different one is {@code
     * ConflictException}.
     */
    @Transactional
    CreateStateMachineAlias.Output create(String name, String description, List<RoutingConfigurationListItem> routing) {
        List<StateMachineRef.Version> targets = Routing.versions(routing);
        StateMachineEntity machine = lockMachine(targets.getFirst());
        List<AliasEntity.Route> routes = routes(machine, targets, routing);
        Optional<AliasEntity> existing = aliases.findByStateMachineAndName(machine.id(), name);
        if (existing.isPresent()) {
            AliasEntity alias = existing.get();
            if (!alias.routes().equals(routes) || !Objects.equals(alias.description(), description)) {
                throw new StepFunctionsException(
                        "ConflictException",
                        "Failed to create alias because an alias with the same name and a different routing"
                                + " configuration already exists.");
            }
            return new CreateStateMachineAlias.Output(arns.alias(machine.name(), name), alias.creationDate());
        }
        if (aliases.countByStateMachine(machine.id()) >= MAX_ALIASES) {
            throw new StepFunctionsException(
                    "ServiceQuotaExceededException",
                    "State machine '" + arns.stateMachine(machine.name()) + "' has reached the limit of " + MAX_ALIASES
                            + " aliases");
        }
        AliasEntity alias = aliases.save(new AliasEntity(machine.id(), name, description, routes, clock.now()));
        return new CreateStateMachineAlias.Output(arns.alias(machine.name(), name), alias.creationDate());
    }

    @Transactional
    Instant update(StateMachineRef.Alias ref, String description, List<RoutingConfigurationListItem> routing) {
        List<StateMachineRef.Version> targets = routing == null ? null : Routing.versions(routing);
        StateMachineEntity machine =
                machines.lockByName(ref.name()).filter(m -> ref.isLocal(arns)).orElseThrow(AliasCatalog::notFound);
        AliasEntity alias =
                aliases.findByStateMachineAndName(machine.id(), ref.alias()).orElseThrow(AliasCatalog::notFound);
        if (targets != null && !targets.getFirst().name().equals(machine.name())) {
            throw StepFunctionsException.validation(
                    "Routing configuration must contain versions of the alias's state machine '"
                            + arns.stateMachine(machine.name()) + "'");
        }
        Instant now = clock.now();
        alias.update(description, targets == null ? null : routes(machine, targets, routing), now);
        return now;
    }

    @Transactional(readOnly = true)
    DescribeStateMachineAlias.Output describe(StateMachineRef.Alias ref) {
        AliasEntity alias = find(ref).orElseThrow(AliasCatalog::notFound);
        Map<Long, VersionEntity> routed =
                versions
                        .findAllById(alias.routes().stream()
                                .map(AliasEntity.Route::version)
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(VersionEntity::id, Function.identity()));
        List<RoutingConfigurationListItem> routing = alias.routes().stream()
                .map(route -> new RoutingConfigurationListItem(
                        arns.version(ref.name(), routed.get(route.version()).versionNumber()), route.weight()))
                .toList();
        return new DescribeStateMachineAlias.Output(
                ref.arn(), alias.name(), alias.description(), routing, alias.creationDate(), alias.updateDate());
    }

    /** Deletes an alias; one that does not exist is already deleted. */
    @Transactional
    void delete(StateMachineRef.Alias ref) {
        if (!ref.isLocal(arns)) {
            return;
        }
        machines.lockByName(ref.name())
                .flatMap(machine -> aliases.findByStateMachineAndName(machine.id(), ref.alias()))
                .ifPresent(aliases::delete);
    }

    /** A page of a machine's aliases, oldest first. */
    @Transactional(readOnly = true)
    ListStateMachineAliases.Output list(StateMachineRef.Latest ref, int pageSize, String nextToken) {
        Long after = nextToken == null
                ? null
                : parseId(PageTokens.decode(LIST_KIND, nextToken, 1).getFirst());
        StateMachineEntity machine = Optional.of(ref)
                .filter(r -> r.isLocal(arns))
                .flatMap(r -> machines.findByName(r.name()))
                .orElseThrow(() -> StepFunctionsException.stateMachineDoesNotExist(ref.arn()));
        Limit limit = Limit.of(pageSize + 1);
        List<AliasEntity> rows = after == null
                ? aliases.findByStateMachineOrderByIdAsc(machine.id(), limit)
                : aliases.findByStateMachineAndIdGreaterThanOrderByIdAsc(machine.id(), after, limit);
        List<AliasEntity> page = rows.subList(0, Math.min(pageSize, rows.size()));
        String next = rows.size() > pageSize
                ? PageTokens.encode(LIST_KIND, String.valueOf(page.getLast().id()))
                : null;
        return new ListStateMachineAliases.Output(
                page.stream()
                        .map(a -> new ListStateMachineAliases.Item(
                                arns.alias(machine.name(), a.name()), a.creationDate()))
                        .toList(),
                next);
    }

    Optional<AliasEntity> find(StateMachineRef.Alias ref) {
        return Optional.of(ref)
                .filter(r -> r.isLocal(arns))
                .flatMap(r -> machines.findByName(r.name()))
                .flatMap(machine -> aliases.findByStateMachineAndName(machine.id(), ref.alias()));
    }

    private StateMachineEntity lockMachine(StateMachineRef.Version target) {
        return machines.lockByName(target.name())
                .filter(m -> target.isLocal(arns))
                .orElseThrow(AliasCatalog::notFound);
    }

    private List<AliasEntity.Route> routes(
            StateMachineEntity machine,
            List<StateMachineRef.Version> targets,
            List<RoutingConfigurationListItem> routing) {
        List<AliasEntity.Route> routes = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            StateMachineRef.Version target = targets.get(i);
            if (!target.isLocal(arns)) {
                throw notFound();
            }
            VersionEntity version = versions.findByStateMachineAndVersionNumber(machine.id(), target.number())
                    .orElseThrow(AliasCatalog::notFound);
            routes.add(new AliasEntity.Route(version.id(), routing.get(i).weight()));
        }
        return routes;
    }

    private static Long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notOurs) {
            throw PageTokens.invalid();
        }
    }

    static StepFunctionsException notFound() {
        return new StepFunctionsException("ResourceNotFound", "Request references a resource that does not exist.");
    }
}
