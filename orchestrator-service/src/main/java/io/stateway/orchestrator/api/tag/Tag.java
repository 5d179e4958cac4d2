package io.stateway.orchestrator.api.tag;

/** AWS's {@code Tag}: a key (1-128 characters) and a value (0-256). */
public record Tag(String key, String value) {}
