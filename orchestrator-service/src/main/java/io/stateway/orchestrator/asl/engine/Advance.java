package io.stateway.orchestrator.asl.engine;

/** The result of an engine step: the cursor to keep, and what happens next. */
public record Advance(Cursor cursor, Outcome outcome) {}
