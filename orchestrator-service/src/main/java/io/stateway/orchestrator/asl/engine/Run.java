package io.stateway.orchestrator.asl.engine;

import io.stateway.model.history.EventDetails;
import io.stateway.model.history.HistoryEventType;
import io.stateway.orchestrator.asl.EvaluationScope;
import io.stateway.orchestrator.asl.RandomSource;
import io.stateway.orchestrator.asl.definition.Flow;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.jsonata.JsonataScope;
import io.stateway.orchestrator.asl.state.State;
import io.stateway.orchestrator.asl.state.StateContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A cursor while the engine works on it: the mutable counterpart of {@link Cursor} for one step,
 * and the {@link StateContext} the current state runs in.
 */
final class Run implements StateContext {

    private final ExecutionContext execution;
    private final HistoryLog log;
    private final RandomSource random;
    private final String id;
    private final List<FlowStep> flowPath;
    final Flow flow;

    State state;
    Phase phase;
    JsonNode input;
    long enteredEventId;
    long enteredPreviousEventId;
    Instant enteredTime;
    long sourceEventId;
    int retryCount;
    List<Integer> retrierAttempts;
    JsonNode pending;
    long childEventId;
    Variables variables;

    private ObjectNode contextObject;
    private String taskToken;

    Run(Flow flow, ExecutionContext execution, Cursor cursor, HistoryLog log, RandomSource random) {
        this.flow = flow;
        this.execution = execution;
        this.log = log;
        this.random = random;
        this.id = cursor.id();
        this.flowPath = cursor.flow();
        this.state = flow.state(cursor.state());
        this.phase = cursor.phase();
        this.input = cursor.input();
        this.enteredEventId = cursor.enteredEventId();
        this.enteredPreviousEventId = cursor.enteredPreviousEventId();
        this.enteredTime = cursor.enteredTime();
        this.sourceEventId = cursor.sourceEventId();
        this.retryCount = cursor.retryCount();
        this.retrierAttempts = new ArrayList<>(cursor.retrierAttempts());
        this.pending = cursor.pending();
        this.childEventId = cursor.childEventId();
        this.variables = cursor.variables();
    }

    Cursor toCursor() {
        return new Cursor(
                id,
                flowPath,
                state.name(),
                phase,
                input,
                enteredEventId,
                enteredPreviousEventId,
                enteredTime,
                sourceEventId,
                retryCount,
                retrierAttempts,
                pending,
                childEventId,
                variables);
    }

    String id() {
        return id;
    }

    List<FlowStep> flowPath() {
        return flowPath;
    }

    ExecutionContext execution() {
        return execution;
    }

    HistoryLog log() {
        return log;
    }

    /** Moves to the next state of this flow, to be entered with {@code nextInput}. */
    void moveTo(String next, JsonNode nextInput) {
        state = flow.state(next);
        phase = Phase.ENTER;
        input = nextInput;
        enteredEventId = 0;
        enteredPreviousEventId = 0;
        enteredTime = null;
        retryCount = 0;
        retrierAttempts = new ArrayList<>();
        pending = null;
        childEventId = 0;
        contextObject = null;
        taskToken = null;
    }

    void entered(long eventId, long previousEventId) {
        enteredEventId = eventId;
        enteredPreviousEventId = previousEventId;
        enteredTime = log.now();
        phase = Phase.EXECUTE;
        contextObject = null;
    }

    void retried() {
        retryCount++;
        taskToken = null;
        childEventId = 0;
        contextObject = null;
    }

    @Override
    public JsonNode input() {
        return input;
    }

    @Override
    public EvaluationScope scope(JsonNode scopeInput) {
        return new EvaluationScope(scopeInput, this::contextObject, variables.view(), random);
    }

    @Override
    public JsonataScope jsonataScope(JsonNode result, JsonNode errorOutput) {
        return new JsonataScope(input, contextObject(), result, errorOutput, variables.view(), random);
    }

    @Override
    public EvaluationScope itemScope(JsonNode scopeInput, int index, JsonNode item) {
        return new EvaluationScope(scopeInput, () -> withMapItem(index, item), variables.view(), random);
    }

    @Override
    public JsonataScope itemJsonataScope(int index, JsonNode item) {
        return new JsonataScope(input, withMapItem(index, item), null, null, variables.view(), random);
    }

    private ObjectNode withMapItem(int index, JsonNode item) {
        ObjectNode context = objectContext().deepCopy();
        ObjectNode mapItem = context.putObject("Map").putObject("Item");
        mapItem.put("Index", index);
        mapItem.set("Value", item);
        return context;
    }

    @Override
    public String issueTaskToken() {
        // 256 random bits, URL-safe: the token is a bearer credential for the task's outcome.
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(32);
        for (int i = 0; i < 2; i++) {
            java.util.UUID uuid = random.nextUuid();
            bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        }
        taskToken = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
        contextObject = null;
        return taskToken;
    }

    @Override
    public String mapRunArn(String label) {
        return execution.mapRunArn(label, random.nextUuid().toString());
    }

    @Override
    public JsonNode contextObject() {
        return objectContext();
    }

    private ObjectNode objectContext() {
        if (contextObject == null) {
            ObjectNode context = Json.NODES.objectNode();
            context.set("Execution", execution.executionObject());
            context.set("StateMachine", execution.stateMachineObject());
            ObjectNode stateObject = context.putObject("State");
            stateObject.put("Name", state.name());
            stateObject.put(
                    "EnteredTime", ExecutionContext.TIMESTAMP.format(enteredTime == null ? log.now() : enteredTime));
            if (state.countsRetries()) {
                stateObject.put("RetryCount", retryCount);
            }
            if (taskToken != null) {
                context.putObject("Task").put("Token", taskToken);
            }
            contextObject = context;
        }
        return contextObject;
    }

    @Override
    public Instant now() {
        return log.now();
    }

    @Override
    public RandomSource random() {
        return random;
    }

    @Override
    public int retryCount() {
        return retryCount;
    }

    @Override
    public JsonNode pending() {
        return pending;
    }

    @Override
    public long emit(HistoryEventType type, EventDetails details) {
        sourceEventId = log.append(sourceEventId, type, details);
        return sourceEventId;
    }

    /** {@link #emit}, with details built only if the history is read. */
    long emitLazily(HistoryEventType type, java.util.function.Supplier<EventDetails> details) {
        sourceEventId = log.appendLazily(sourceEventId, type, details);
        return sourceEventId;
    }

    @Override
    public long emitDetached(HistoryEventType type, EventDetails details) {
        return log.append(sourceEventId, type, details);
    }

    @Override
    public long emitAfter(long previousEventId, HistoryEventType type, EventDetails details) {
        return log.append(previousEventId, type, details);
    }
}
