package io.stateway.orchestrator.asl.validation;

import io.stateway.orchestrator.asl.definition.QueryLanguage;
import tools.jackson.databind.JsonNode;

/** One state under inspection: the run, the state's JSON, where it is, its type and query language. */
record StateScope(Inspection in, JsonNode state, Location at, StateType type, QueryLanguage language) {

    boolean jsonata() {
        return language == QueryLanguage.JSONATA;
    }

    boolean has(String field) {
        return state.has(field);
    }

    JsonNode get(String field) {
        return state.get(field);
    }

    Location field(String name) {
        return at.field(name);
    }

    /** Reports every pair of mutually exclusive fields that are both present. */
    void exclusive(String first, String second) {
        if (state.has(first) && state.has(second)) {
            in.schema(Fields.exclusiveMessage(java.util.List.of(first, second)), at);
        }
    }

    /** A JSONata field that takes a JSON value with expressions anywhere in it ({@code Output}). */
    void jsonataTemplate(String field) {
        JsonNode value = state.get(field);
        if (value != null) {
            JsonataExpressions.checkTemplate(in, value, field, at.field(field));
        }
    }

    /** A JSONPath payload template field ({@code Parameters}, {@code ResultSelector}...). */
    void payloadTemplate(String field, boolean mustBeObject) {
        JsonNode value = state.get(field);
        if (value == null) {
            return;
        }
        if (mustBeObject && !value.isObject()) {
            in.schema(Fields.typeMessage("Object"), at.field(field));
            return;
        }
        PayloadTemplates.check(in, value, at.field(field));
    }

    /**
     * A JSONata field that takes an integer or an expression ({@code TimeoutSeconds}, {@code
     * MaxConcurrency}, ...); in a JSONPath state only the integer.
     */
    void integerOrExpression(String field, long min, long max) {
        JsonNode value = state.get(field);
        if (value == null) {
            return;
        }
        if (jsonata() && value.isString()) {
            if (JsonataExpressions.isExpression(value)) {
                JsonataExpressions.checkString(in, value.stringValue(), field, at.field(field));
            } else {
                in.schema(Fields.typeMessage("Integer"), at.field(field));
            }
            return;
        }
        Fields.integerValue(in, value, at.field(field), min, max);
    }

    /** A string field that is an expression in JSONata states and a literal in JSONPath ones. */
    void expressionIfJsonata(String value, String field, Location fieldAt) {
        if (jsonata()) {
            JsonataExpressions.checkString(in, value, field, fieldAt);
        }
    }
}
