package io.stateway.orchestrator.asl.state;

import io.stateway.model.history.HistoryEventType;
import io.stateway.orchestrator.asl.definition.Catcher;
import io.stateway.orchestrator.asl.definition.Flow;
import io.stateway.orchestrator.asl.definition.QueryLanguage;
import io.stateway.orchestrator.asl.definition.Retrier;
import io.stateway.orchestrator.asl.definition.Transition;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** {@code Parallel}: runs every branch on the same input; its result is their outputs in order. */
public record ParallelState(
        String name,
        QueryLanguage queryLanguage,
        Transition transition,
        List<Flow> branches,
        JsonPathIo io,
        JsonataIo jsonata,
        List<Retrier> retriers,
        List<Catcher> catchers,
        Assign assign)
        implements ForkingState {

    public ParallelState {
        branches = List.copyOf(branches);
        retriers = List.copyOf(retriers);
        catchers = List.copyOf(catchers);
    }

    @Override
    public HistoryEventType enteredEventType() {
        return HistoryEventType.ParallelStateEntered;
    }

    @Override
    public HistoryEventType exitedEventType() {
        return HistoryEventType.ParallelStateExited;
    }

    @Override
    public HistoryEventType failedEventType() {
        return HistoryEventType.ParallelStateFailed;
    }

    @Override
    public boolean countsRetries() {
        return true;
    }

    @Override
    public StepResult execute(StateContext context) {
        JsonNode branchInput;
        if (queryLanguage == QueryLanguage.JSONATA) {
            branchInput = jsonata.arguments() == null
                    ? context.input()
                    : jsonata.arguments().evaluate(context.jsonataScope(null, null));
        } else {
            branchInput = DataFlow.parameters(io, context, DataFlow.effectiveInput(io, context));
        }
        context.emit(HistoryEventType.ParallelStateStarted, null);
        return new StepResult.AwaitChildren(new Fork(branches.size(), 0, null, null, branchInput));
    }

    @Override
    public StepResult resume(StateContext context, Resumption resumption) {
        return switch (resumption) {
            case Resumption.ChildrenSucceeded succeeded -> {
                context.emitDetached(HistoryEventType.ParallelStateSucceeded, null);
                yield Forks.completed(this, io, jsonata, assign, context, succeeded.outputs());
            }
            case Resumption.ChildrenFailed failed -> {
                yield new StepResult.Failed(failed.failure());
            }
            default -> throw new IllegalStateException("Parallel state resumed by " + resumption);
        };
    }

    @Override
    public Flow childFlow(int index) {
        return branches.get(index);
    }

    @Override
    public JsonNode childInput(StateContext context, Fork fork, int index) {
        return fork.data();
    }

    @Override
    public JsonNode childItem(Fork fork, int index) {
        return null;
    }

    @Override
    public boolean recordsIterations() {
        return false;
    }

    @Override
    public boolean childrenHaveOwnHistory() {
        return false;
    }
}
