package io.stateway.gateway.pipeline;

/** Where request ids come from (randomness is an input). */
public interface RequestIdSource {

    /**
     * @param incomingTraceHeader the client's {@code X-Amzn-Trace-Id}, empty if none
     */
    RequestIds next(String incomingTraceHeader);
}
