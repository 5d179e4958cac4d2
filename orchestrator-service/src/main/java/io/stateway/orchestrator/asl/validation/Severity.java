package io.stateway.orchestrator.asl.validation;

/** How serious a finding is: an ERROR blocks CreateStateMachine, a WARNING does not. */
public enum Severity {
    ERROR,
    WARNING
}
