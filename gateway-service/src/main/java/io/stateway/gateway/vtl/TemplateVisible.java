package io.stateway.gateway.vtl;

/**
 * Marks the objects a mapping template may call methods on besides strings, numbers, booleans, maps and
 * lists: the {@code $input} and {@code $util} facades. Nothing else (no engine, Spring or class object)
 * is reachable from a template.
 */
public interface TemplateVisible {}
