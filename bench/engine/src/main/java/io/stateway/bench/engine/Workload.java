package io.stateway.bench.engine;

import io.stateway.orchestrator.asl.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark's workloads: each is an ASL definition and an input under {@code workloads/} on
 * the classpath, the same files the Node.js peer runs.
 */
public enum Workload {
    CHOICE_CHAIN("choice-chain", "10-state Pass/Choice chain"),
    MAP_100("map-100", "Map, 100 items x 3 Pass"),
    PARALLEL_3X3("parallel-3x3", "Parallel, 3 branches x 3 Pass");

    private final String file;
    private final String description;

    Workload(String file, String description) {
        this.file = file;
        this.description = description;
    }

    /** The workload whose files are named {@code file}. */
    public static Workload named(String file) {
        for (Workload workload : values()) {
            if (workload.file.equals(file)) {
                return workload;
            }
        }
        throw new IllegalArgumentException("No workload " + file + "; there are choice-chain, map-100, parallel-3x3");
    }

    /** The base name of the workload's files, also its name in the report. */
    public String file() {
        return file;
    }

    public String description() {
        return description;
    }

    /** The definition as a client submits it. */
    public String definitionText() {
        return resource(file + ".asl.json");
    }

    public JsonNode input() {
        return Json.parse(resource(file + ".input.json"));
    }

    private static String resource(String name) {
        try (InputStream in = Workload.class.getResourceAsStream("/workloads/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing workload resource workloads/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
