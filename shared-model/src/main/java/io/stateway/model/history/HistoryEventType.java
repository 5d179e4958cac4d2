package io.stateway.model.history;

/**
 * The history event types of AWS Step Functions, each with the name of the JSON member that
 * carries its details in {@code GetExecutionHistory} (several types share one details shape;
 * some carry no details at all).
 */
public enum HistoryEventType {
    ActivityFailed("activityFailedEventDetails"),
    ActivityScheduled("activityScheduledEventDetails"),
    ActivityScheduleFailed("activityScheduleFailedEventDetails"),
    ActivityStarted("activityStartedEventDetails"),
    ActivitySucceeded("activitySucceededEventDetails"),
    ActivityTimedOut("activityTimedOutEventDetails"),
    ChoiceStateEntered("stateEnteredEventDetails"),
    ChoiceStateExited("stateExitedEventDetails"),
    EvaluationFailed("evaluationFailedEventDetails"),
    ExecutionAborted("executionAbortedEventDetails"),
    ExecutionFailed("executionFailedEventDetails"),
    ExecutionRedriven("executionRedrivenEventDetails"),
    ExecutionStarted("executionStartedEventDetails"),
    ExecutionSucceeded("executionSucceededEventDetails"),
    ExecutionTimedOut("executionTimedOutEventDetails"),
    FailStateEntered("stateEnteredEventDetails"),
    LambdaFunctionFailed("lambdaFunctionFailedEventDetails"),
    LambdaFunctionScheduled("lambdaFunctionScheduledEventDetails"),
    LambdaFunctionScheduleFailed("lambdaFunctionScheduleFailedEventDetails"),
    LambdaFunctionStarted(null),
    LambdaFunctionStartFailed("lambdaFunctionStartFailedEventDetails"),
    LambdaFunctionSucceeded("lambdaFunctionSucceededEventDetails"),
    LambdaFunctionTimedOut("lambdaFunctionTimedOutEventDetails"),
    MapIterationAborted("mapIterationAbortedEventDetails"),
    MapIterationFailed("mapIterationFailedEventDetails"),
    MapIterationStarted("mapIterationStartedEventDetails"),
    MapIterationSucceeded("mapIterationSucceededEventDetails"),
    MapRunAborted(null),
    MapRunFailed("mapRunFailedEventDetails"),
    MapRunRedriven("mapRunRedrivenEventDetails"),
    MapRunStarted("mapRunStartedEventDetails"),
    MapRunSucceeded(null),
    MapStateAborted(null),
    MapStateEntered("stateEnteredEventDetails"),
    MapStateExited("stateExitedEventDetails"),
    MapStateFailed(null),
    MapStateStarted("mapStateStartedEventDetails"),
    MapStateSucceeded(null),
    ParallelStateAborted(null),
    ParallelStateEntered("stateEnteredEventDetails"),
    ParallelStateExited("stateExitedEventDetails"),
    ParallelStateFailed(null),
    ParallelStateStarted(null),
    ParallelStateSucceeded(null),
    PassStateEntered("stateEnteredEventDetails"),
    PassStateExited("stateExitedEventDetails"),
    SucceedStateEntered("stateEnteredEventDetails"),
    SucceedStateExited("stateExitedEventDetails"),
    TaskFailed("taskFailedEventDetails"),
    TaskScheduled("taskScheduledEventDetails"),
    TaskStarted("taskStartedEventDetails"),
    TaskStartFailed("taskStartFailedEventDetails"),
    TaskStateAborted(null),
    TaskStateEntered("stateEnteredEventDetails"),
    TaskStateExited("stateExitedEventDetails"),
    TaskSubmitFailed("taskSubmitFailedEventDetails"),
    TaskSubmitted("taskSubmittedEventDetails"),
    TaskSucceeded("taskSucceededEventDetails"),
    TaskTimedOut("taskTimedOutEventDetails"),
    WaitStateAborted(null),
    WaitStateEntered("stateEnteredEventDetails"),
    WaitStateExited("stateExitedEventDetails");

    private final String detailsKey;

    HistoryEventType(String detailsKey) {
        this.detailsKey = detailsKey;
    }

    /** The member name of this type's details object, or {@code null} if it has none. */
    public String detailsKey() {
        return detailsKey;
    }
}
