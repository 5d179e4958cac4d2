package io.stateway.orchestrator.asl.state;

import io.stateway.orchestrator.asl.jsonata.JsonataTemplate;

/** The JSONata data-flow fields of a state: {@code Arguments} and {@code Output}, each optional. */
public record JsonataIo(JsonataTemplate arguments, JsonataTemplate output) {

    public static final JsonataIo NONE = new JsonataIo(null, null);
}
