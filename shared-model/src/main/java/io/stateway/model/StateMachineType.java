package io.stateway.model;

/** The type of a state machine, as {@code CreateStateMachine} and {@code ValidateStateMachineDefinition} take it. */
public enum StateMachineType {
    STANDARD,
    EXPRESS
}
