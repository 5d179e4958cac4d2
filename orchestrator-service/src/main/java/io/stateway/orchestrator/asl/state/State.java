package io.stateway.orchestrator.asl.state;

import io.stateway.model.history.HistoryEventType;
import io.stateway.orchestrator.asl.definition.Catcher;
import io.stateway.orchestrator.asl.definition.QueryLanguage;
import io.stateway.orchestrator.asl.definition.Retrier;
import io.stateway.orchestrator.asl.definition.Transition;
import java.util.List;

/**
 * One state of a definition: an immutable record per state type. Each type knows what it does
 * when entered ({@link #execute}) and, for the types that wait, how it continues
 * ({@link #resume}); the engine around it handles history, transitions, Retry and Catch.
 */
public sealed interface State
        permits PassState, TaskState, ChoiceState, WaitState, SucceedState, FailState, ForkingState {

    String name();

    QueryLanguage queryLanguage();

    /** {@code Next} or {@code End}; {@code null} for Choice, whose rules name the next state. */
    Transition transition();

    HistoryEventType enteredEventType();

    /** The exit event, or {@code null} for Fail, which has none. */
    HistoryEventType exitedEventType();

    default List<Retrier> retriers() {
        return List.of();
    }

    default List<Catcher> catchers() {
        return List.of();
    }

    /** Whether {@code $$.State.RetryCount} exists for this state (the states that may retry). */
    default boolean countsRetries() {
        return false;
    }

    /** Runs the state after its entered event (again after each retry back-off). */
    StepResult execute(StateContext context);

    /** Continues a state that suspended itself. */
    default StepResult resume(StateContext context, Resumption resumption) {
        throw new IllegalStateException("State '" + name() + "' does not suspend");
    }
}
