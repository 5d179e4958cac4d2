package io.stateway.orchestrator.asl.state;

import io.stateway.model.history.EventDetails;
import io.stateway.model.history.HistoryEventType;
import io.stateway.orchestrator.asl.EvaluationScope;
import io.stateway.orchestrator.asl.RandomSource;
import io.stateway.orchestrator.asl.jsonata.JsonataScope;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * What a state sees while it runs: its input, scopes to evaluate expressions in, the clock and
 * randomness of this step, and the history it appends to. Implemented by the engine.
 */
public interface StateContext {

    /** The state's raw input, before {@code InputPath}. */
    JsonNode input();

    /** A JSONPath scope whose {@code $} is {@code input}, with the context object and variables. */
    EvaluationScope scope(JsonNode input);

    /** A JSONata scope: {@code $states.input} is the raw input; result and error output where given. */
    JsonataScope jsonataScope(JsonNode result, JsonNode errorOutput);

    /** A JSONPath scope for a Map's {@code ItemSelector}: the context object has {@code Map.Item}. */
    EvaluationScope itemScope(JsonNode input, int index, JsonNode item);

    /** A JSONata scope for a Map's {@code ItemSelector}: {@code $states.context.Map.Item} is set. */
    JsonataScope itemJsonataScope(int index, JsonNode item);

    /** The ARN of this state's map run (distributed Map), labelled with {@code label} if given. */
    String mapRunArn(String label);

    /**
     * Issues the token of a callback task: from now on the context object holds it as
     * {@code Task.Token}, so {@code Parameters}/{@code Arguments} can pass it on.
     */
    String issueTaskToken();

    /** The context object ({@code $$} / {@code $states.context}) as this state sees it. */
    JsonNode contextObject();

    Instant now();

    RandomSource random();

    /** How many times this state has been retried so far ({@code $$.State.RetryCount}). */
    int retryCount();

    /** The data the state left when it last suspended (its fork, its task), or {@code null}. */
    JsonNode pending();

    /** Appends an event that the next event of this branch follows ({@code previousEventId}). */
    long emit(HistoryEventType type, EventDetails details);

    /** Appends an event that does not become the predecessor of the next one. */
    long emitDetached(HistoryEventType type, EventDetails details);

    /** Appends an event that follows {@code previousEventId} and is not the predecessor of the next one. */
    long emitAfter(long previousEventId, HistoryEventType type, EventDetails details);
}
