package io.stateway.orchestrator.asl.state;

import io.stateway.model.asl.StatesErrors;
import io.stateway.model.history.EventDetails;
import io.stateway.model.history.HistoryEventType;
import io.stateway.orchestrator.asl.FailureException;
import io.stateway.orchestrator.asl.definition.Catcher;
import io.stateway.orchestrator.asl.definition.Flow;
import io.stateway.orchestrator.asl.definition.QueryLanguage;
import io.stateway.orchestrator.asl.definition.Retrier;
import io.stateway.orchestrator.asl.definition.Transition;
import io.stateway.orchestrator.asl.expr.PathExpression;
import io.stateway.orchestrator.asl.expr.ValueExpression;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.jsonata.JsonataTemplate;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code Map}: runs its item processor once per item; its result is the iterations' outputs in
 * item order. Inline iterations write {@code MapIteration*} events into the execution's history;
 * distributed ones are child executions of a map run and keep their own.
 *
 * @param itemsPath JSONPath {@code ItemsPath}, or {@code null} for the effective input
 * @param items JSONata {@code Items} (or a literal array), or {@code null} for the input
 * @param itemSelector JSONPath {@code ItemSelector} (or legacy {@code Parameters}), or {@code null}
 * @param jsonataItemSelector JSONata {@code ItemSelector}, or {@code null}
 * @param itemBatcher how items are grouped into batches, or {@code null} for one item per iteration
 */
public record MapState(
        String name,
        QueryLanguage queryLanguage,
        Transition transition,
        Flow processor,
        boolean distributed,
        String label,
        JsonPathIo io,
        JsonataIo jsonata,
        PathExpression itemsPath,
        JsonataTemplate items,
        ValueExpression itemSelector,
        JsonataTemplate jsonataItemSelector,
        NumberField maxConcurrency,
        NumberField toleratedFailureCount,
        NumberField toleratedFailurePercentage,
        ItemBatcher itemBatcher,
        List<Retrier> retriers,
        List<Catcher> catchers,
        Assign assign)
        implements ForkingState {

    public MapState {
        retriers = List.copyOf(retriers);
        catchers = List.copyOf(catchers);
    }

    @Override
    public HistoryEventType enteredEventType() {
        return HistoryEventType.MapStateEntered;
    }

    @Override
    public HistoryEventType exitedEventType() {
        return HistoryEventType.MapStateExited;
    }

    @Override
    public HistoryEventType failedEventType() {
        return HistoryEventType.MapStateFailed;
    }

    @Override
    public boolean countsRetries() {
        return true;
    }

    @Override
    public StepResult execute(StateContext context) {
        JsonNode effective;
        JsonNode itemList;
        if (queryLanguage == QueryLanguage.JSONATA) {
            effective = context.input();
            itemList = jsonataItems(context);
        } else {
            effective = DataFlow.effectiveInput(io, context);
            itemList = itemsPath == null ? effective : itemsPath.require(context.scope(effective));
            if (!itemList.isArray()) {
                throw new FailureException(
                        StatesErrors.RUNTIME, "Map state input must be an array but was: " + Json.text(itemList));
            }
        }
        Long concurrency = NumberField.whole(maxConcurrency, context, effective);
        context.emit(HistoryEventType.MapStateStarted, new EventDetails.MapStateStarted(itemList.size()));
        // AWS reads the failure tolerance only once the map has started.
        Long tolerated = NumberField.whole(toleratedFailureCount, context, effective);
        Double percentage = NumberField.decimal(toleratedFailurePercentage, context, effective);
        if (distributed) {
            context.emit(HistoryEventType.MapRunStarted, new EventDetails.MapRunStarted(context.mapRunArn(label)));
        }
        ObjectNode data = Json.NODES.objectNode();
        data.set("input", effective);
        if (itemBatcher != null) {
            // Batches are built up front: each holds items already shaped by ItemSelector.
            List<JsonNode> selected = new ArrayList<>(itemList.size());
            for (int index = 0; index < itemList.size(); index++) {
                selected.add(select(context, effective, index, itemList.get(index)));
            }
            itemList = itemBatcher.batch(context, queryLanguage, effective, selected);
            data.put("batched", true);
        }
        data.set("items", itemList);
        return new StepResult.AwaitChildren(new Fork(
                itemList.size(),
                concurrency == null ? 0 : concurrency.intValue(),
                tolerated == null ? null : tolerated.intValue(),
                percentage,
                data));
    }

    private JsonNode jsonataItems(StateContext context) {
        if (items == null) {
            JsonNode input = context.input();
            if (!input.isArray()) {
                throw new FailureException(
                        StatesErrors.QUERY_EVALUATION_ERROR,
                        "Map state input must be an array but was: " + Json.text(input));
            }
            return input;
        }
        JsonNode value = items.evaluate(context.jsonataScope(null, null));
        if (!value.isArray() && items instanceof JsonataTemplate.Expression expression) {
            throw expression
                    .expression()
                    .error("returned an unexpected result type. Expected 'array', but was '" + JsonTypes.name(value)
                            + "' for value: " + Json.text(value));
        }
        return value;
    }

    @Override
    public StepResult resume(StateContext context, Resumption resumption) {
        return switch (resumption) {
            case Resumption.ChildrenSucceeded succeeded -> {
                if (distributed) {
                    // As AWS records it since late 2024: the map run's end is a side branch of the state.
                    long runSucceeded = context.emitDetached(HistoryEventType.MapRunSucceeded, null);
                    context.emitAfter(runSucceeded, HistoryEventType.MapStateSucceeded, null);
                } else {
                    context.emitDetached(HistoryEventType.MapStateSucceeded, null);
                }
                yield Forks.completed(this, io, jsonata, assign, context, succeeded.outputs());
            }
            case Resumption.ChildrenFailed failed -> {
                if (distributed) {
                    context.emit(
                            HistoryEventType.MapRunFailed,
                            new EventDetails.ErrorDetails(
                                    failed.failure().error(), failed.failure().cause()));
                }
                yield new StepResult.Failed(failed.failure());
            }
            default -> throw new IllegalStateException("Map state resumed by " + resumption);
        };
    }

    @Override
    public Flow childFlow(int index) {
        return processor;
    }

    @Override
    public JsonNode childItem(Fork fork, int index) {
        return fork.data().get("items").get(index);
    }

    @Override
    public JsonNode childInput(StateContext context, Fork fork, int index) {
        JsonNode item = childItem(fork, index);
        if (fork.data().path("batched").asBoolean(false)) {
            return item;
        }
        return select(context, fork.data().get("input"), index, item);
    }

    /** An item as {@code ItemSelector} shapes it (the item itself without one). */
    private JsonNode select(StateContext context, JsonNode input, int index, JsonNode item) {
        if (queryLanguage == QueryLanguage.JSONATA) {
            return jsonataItemSelector == null
                    ? item
                    : jsonataItemSelector.evaluate(context.itemJsonataScope(index, item));
        }
        return itemSelector == null ? item : itemSelector.evaluate(context.itemScope(input, index, item));
    }

    @Override
    public boolean recordsIterations() {
        return !distributed;
    }

    @Override
    public boolean childrenHaveOwnHistory() {
        return distributed;
    }
}
