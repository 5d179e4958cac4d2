package io.stateway.orchestrator.api;

/**
 * One Step Functions API action ({@code CreateStateMachine}, {@code StartExecution}, ...): its
 * input and output in AWS's member names and shapes, and the code that answers it. Both API faces
 * run the same action: the AWS JSON 1.0 protocol finds it by {@link #name()} (from {@code
 * X-Amz-Target}), the REST controllers call it directly. An action validates its input itself,
 * so that both faces answer bad input with the same AWS error.
 *
 * @param <I> the input record (AWS's {@code <Action>Input} shape)
 * @param <O> the output record (AWS's {@code <Action>Output} shape)
 */
public interface Action<I, O> {

    /** The AWS action name, as in {@code X-Amz-Target: AWSStepFunctions.<name>}. */
    String name();

    /** The record the request body is read into. */
    Class<I> inputType();

    /**
     * Answers the request; throws {@link io.stateway.orchestrator.StepFunctionsException} with the
     * AWS error for what the caller did wrong.
     */
    O handle(I input);
}
