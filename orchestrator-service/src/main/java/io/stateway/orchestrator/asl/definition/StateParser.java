package io.stateway.orchestrator.asl.definition;

import io.stateway.orchestrator.asl.expr.PathExpression;
import io.stateway.orchestrator.asl.expr.ResultPathExpression;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.jsonata.JsonataExpression;
import io.stateway.orchestrator.asl.jsonata.JsonataTemplate;
import io.stateway.orchestrator.asl.path.JsonPath;
import io.stateway.orchestrator.asl.path.ReferencePath;
import io.stateway.orchestrator.asl.state.ChoiceState;
import io.stateway.orchestrator.asl.state.FailState;
import io.stateway.orchestrator.asl.state.ItemBatcher;
import io.stateway.orchestrator.asl.state.JsonPathIo;
import io.stateway.orchestrator.asl.state.JsonataIo;
import io.stateway.orchestrator.asl.state.MapState;
import io.stateway.orchestrator.asl.state.NumberField;
import io.stateway.orchestrator.asl.state.ParallelState;
import io.stateway.orchestrator.asl.state.PassState;
import io.stateway.orchestrator.asl.state.State;
import io.stateway.orchestrator.asl.state.SucceedState;
import io.stateway.orchestrator.asl.state.TaskResource;
import io.stateway.orchestrator.asl.state.TaskState;
import io.stateway.orchestrator.asl.state.WaitState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Builds one state record from its definition object. */
final class StateParser {

    /** The region task resources without one belong to. */
    private static final String DEFAULT_REGION = "us-east-1";

    private StateParser() {}

    static State parse(String name, JsonNode node, QueryLanguage inherited) {
        QueryLanguage language = DefinitionParser.language(node, inherited);
        String type = node.path("Type").asString();
        return switch (type) {
            case "Pass" ->
                new PassState(
                        name,
                        language,
                        transition(node),
                        jsonPathIo(node, language),
                        node.get("Result"),
                        jsonataIo(node, language),
                        DefinitionParser.assign(node, language, "Assign"));
            case "Succeed" -> new SucceedState(name, language, jsonPathIo(node, language), jsonataIo(node, language));
            case "Fail" -> fail(name, node, language);
            case "Choice" -> choice(name, node, language);
            case "Wait" ->
                new WaitState(
                        name,
                        language,
                        transition(node),
                        waitDuration(node, language),
                        jsonPathIo(node, language),
                        jsonataIo(node, language),
                        DefinitionParser.assign(node, language, "Assign"));
            case "Task" -> task(name, node, language);
            case "Parallel" -> parallel(name, node, language, inherited);
            case "Map" -> map(name, node, language, inherited);
            default -> throw new IllegalArgumentException("Unknown state type '" + type + "' of state '" + name + "'");
        };
    }

    private static Transition transition(JsonNode node) {
        JsonNode next = node.get("Next");
        return next != null && next.isString() ? new Transition.Next(next.stringValue()) : Transition.END;
    }

    private static JsonPathIo jsonPathIo(JsonNode node, QueryLanguage language) {
        if (language == QueryLanguage.JSONATA) {
            return JsonPathIo.NONE;
        }
        return new JsonPathIo(
                path(node, "InputPath"),
                node.has("Parameters") ? JsonPathExpressions.payload(node.get("Parameters"), "Parameters") : null,
                node.has("ResultSelector")
                        ? JsonPathExpressions.payload(node.get("ResultSelector"), "ResultSelector")
                        : null,
                resultPath(node),
                path(node, "OutputPath"));
    }

    private static JsonataIo jsonataIo(JsonNode node, QueryLanguage language) {
        if (language != QueryLanguage.JSONATA) {
            return JsonataIo.NONE;
        }
        return new JsonataIo(template(node, "Arguments"), template(node, "Output"));
    }

    private static JsonataTemplate template(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null ? null : JsonataTemplate.compile(value, field);
    }

    /** An {@code InputPath}/{@code OutputPath}: absent is {@code $}; {@code null} makes {@code {}}. */
    private static PathExpression path(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (value.isNull()) {
            return EmptyObjectPath.INSTANCE;
        }
        return JsonPath.compile(value.asString());
    }

    /** A {@code ResultPath}: absent is {@code $}; {@code null} keeps the input and drops the result. */
    static ResultPathExpression resultPath(JsonNode node) {
        JsonNode value = node.get("ResultPath");
        if (value == null) {
            return null;
        }
        if (value.isNull()) {
            return (input, result) -> input;
        }
        return ReferencePath.compile(value.asString());
    }

    private static FailState fail(String name, JsonNode node, QueryLanguage language) {
        if (language == QueryLanguage.JSONATA) {
            return new FailState(
                    name,
                    language,
                    literalOrNull(node, "Error"),
                    literalOrNull(node, "Cause"),
                    null,
                    null,
                    expressionOrNull(node, "Error"),
                    expressionOrNull(node, "Cause"));
        }
        return new FailState(
                name,
                language,
                DefinitionParser.text(node, "Error"),
                DefinitionParser.text(node, "Cause"),
                node.has("ErrorPath")
                        ? JsonPathExpressions.pathOrIntrinsic(
                                node.get("ErrorPath").asString(), "ErrorPath")
                        : null,
                node.has("CausePath")
                        ? JsonPathExpressions.pathOrIntrinsic(
                                node.get("CausePath").asString(), "CausePath")
                        : null,
                null,
                null);
    }

    private static String literalOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || JsonataTemplate.expressionBody(value.asString()) != null ? null : value.asString();
    }

    private static JsonataTemplate expressionOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || JsonataTemplate.expressionBody(value.asString()) == null
                ? null
                : JsonataTemplate.compile(value, field);
    }

    private static ChoiceState choice(String name, JsonNode node, QueryLanguage language) {
        List<ChoiceState.Rule> rules = new ArrayList<>();
        int index = 0;
        for (JsonNode rule : node.path("Choices")) {
            String next = rule.path("Next").asString();
            var assign = DefinitionParser.assign(rule, language, "Choices/" + index + "/Assign");
            if (language == QueryLanguage.JSONATA) {
                String condition =
                        JsonataTemplate.expressionBody(rule.path("Condition").asString());
                rules.add(new ChoiceState.Rule(
                        null,
                        JsonataExpression.compile(condition == null ? "" : condition, "Condition"),
                        next,
                        assign,
                        rule.has("Output") ? JsonataTemplate.compile(rule.get("Output"), "Output") : null));
            } else {
                rules.add(new ChoiceState.Rule(JsonPathExpressions.condition(rule), null, next, assign, null));
            }
            index++;
        }
        return new ChoiceState(
                name,
                language,
                rules,
                DefinitionParser.text(node, "Default"),
                jsonPathIo(node, language),
                jsonataIo(node, language),
                DefinitionParser.assign(node, language, "Assign"));
    }

    private static WaitState.Duration waitDuration(JsonNode node, QueryLanguage language) {
        if (node.has("Seconds")) {
            JsonNode seconds = node.get("Seconds");
            if (seconds.isNumber()) {
                return new WaitState.Duration.Seconds(seconds.longValue());
            }
            return new WaitState.Duration.JsonataSeconds(expression(seconds, "Seconds"));
        }
        if (node.has("Timestamp")) {
            String timestamp = node.get("Timestamp").asString();
            if (language == QueryLanguage.JSONATA && JsonataTemplate.expressionBody(timestamp) != null) {
                return new WaitState.Duration.JsonataTimestamp(expression(node.get("Timestamp"), "Timestamp"));
            }
            return new WaitState.Duration.Timestamp(WaitState.parseTimestamp(timestamp));
        }
        if (node.has("SecondsPath")) {
            return new WaitState.Duration.SecondsPath(
                    JsonPath.compile(node.get("SecondsPath").asString()));
        }
        return new WaitState.Duration.TimestampPath(
                JsonPath.compile(node.path("TimestampPath").asString()));
    }

    private static JsonataExpression expression(JsonNode value, String field) {
        String body = JsonataTemplate.expressionBody(value.asString());
        return JsonataExpression.compile(body == null ? value.asString() : body, field);
    }

    private static TaskState task(String name, JsonNode node, QueryLanguage language) {
        String arn = node.path("Resource").asString();
        TaskResource resource = TaskResource.parse(arn, DEFAULT_REGION);
        if (resource == null) {
            throw new IllegalArgumentException("Unsupported resource '" + arn + "' in state '" + name + "'");
        }
        return new TaskState(
                name,
                language,
                transition(node),
                resource,
                jsonPathIo(node, language),
                jsonataIo(node, language),
                number(node, "TimeoutSeconds"),
                number(node, "HeartbeatSeconds"),
                node.get("Credentials"),
                retriers(node),
                catchers(node, language),
                DefinitionParser.assign(node, language, "Assign"));
    }

    private static ParallelState parallel(String name, JsonNode node, QueryLanguage language, QueryLanguage inherited) {
        List<Flow> branches = new ArrayList<>();
        for (JsonNode branch : node.path("Branches")) {
            branches.add(DefinitionParser.flow(branch, inherited));
        }
        return new ParallelState(
                name,
                language,
                transition(node),
                branches,
                jsonPathIo(node, language),
                jsonataIo(node, language),
                retriers(node),
                catchers(node, language),
                DefinitionParser.assign(node, language, "Assign"));
    }

    private static MapState map(String name, JsonNode node, QueryLanguage language, QueryLanguage inherited) {
        JsonNode processor = node.has("ItemProcessor") ? node.get("ItemProcessor") : node.path("Iterator");
        boolean distributed = "DISTRIBUTED"
                .equals(processor.path("ProcessorConfig").path("Mode").asString(""));
        JsonNode selector = node.has("ItemSelector") ? node.get("ItemSelector") : node.get("Parameters");
        JsonPathIo io = jsonPathIo(node, language);
        if (language != QueryLanguage.JSONATA) {
            // A Map's Parameters are its legacy ItemSelector, not a filter of its own input.
            io = new JsonPathIo(io.inputPath(), null, io.resultSelector(), io.resultPath(), io.outputPath());
        }
        return new MapState(
                name,
                language,
                transition(node),
                DefinitionParser.flow(processor, inherited),
                distributed,
                DefinitionParser.text(node, "Label"),
                io,
                jsonataIo(node, language),
                node.has("ItemsPath") ? JsonPath.compile(node.get("ItemsPath").asString()) : null,
                node.has("Items") ? JsonataTemplate.compile(node.get("Items"), "Items") : null,
                language == QueryLanguage.JSONATA || selector == null
                        ? null
                        : JsonPathExpressions.payload(selector, "ItemSelector"),
                language == QueryLanguage.JSONATA && selector != null
                        ? JsonataTemplate.compile(selector, "ItemSelector")
                        : null,
                number(node, "MaxConcurrency"),
                number(node, "ToleratedFailureCount"),
                number(node, "ToleratedFailurePercentage"),
                itemBatcher(node.get("ItemBatcher"), language),
                retriers(node),
                catchers(node, language),
                DefinitionParser.assign(node, language, "Assign"));
    }

    private static ItemBatcher itemBatcher(JsonNode node, QueryLanguage language) {
        if (node == null) {
            return null;
        }
        JsonNode batchInput = node.get("BatchInput");
        return new ItemBatcher(
                number(node, "MaxItemsPerBatch"),
                number(node, "MaxInputBytesPerBatch"),
                batchInput == null || language == QueryLanguage.JSONATA
                        ? null
                        : JsonPathExpressions.payload(batchInput, "BatchInput"),
                batchInput == null || language != QueryLanguage.JSONATA
                        ? null
                        : JsonataTemplate.compile(batchInput, "ItemBatcher/BatchInput"));
    }

    /** A number field given literally, as a JSONata string, or through its {@code ...Path} twin. */
    private static NumberField number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value != null) {
            return value.isNumber() ? new NumberField.Fixed(value) : new NumberField.Jsonata(expression(value, field));
        }
        JsonNode path = node.get(field + "Path");
        return path == null ? null : new NumberField.Path(field + "Path", JsonPath.compile(path.asString()));
    }

    private static List<Retrier> retriers(JsonNode node) {
        List<Retrier> retriers = new ArrayList<>();
        for (JsonNode retry : node.path("Retry")) {
            retriers.add(new Retrier(
                    strings(retry.path("ErrorEquals")),
                    retry.path("IntervalSeconds").asDouble(Retrier.DEFAULT_INTERVAL_SECONDS),
                    retry.path("MaxAttempts").asInt(Retrier.DEFAULT_MAX_ATTEMPTS),
                    retry.path("BackoffRate").asDouble(Retrier.DEFAULT_BACKOFF_RATE),
                    retry.has("MaxDelaySeconds") ? retry.get("MaxDelaySeconds").longValue() : null,
                    "FULL".equals(retry.path("JitterStrategy").asString(""))
                            ? Retrier.JitterStrategy.FULL
                            : Retrier.JitterStrategy.NONE));
        }
        return retriers;
    }

    private static List<Catcher> catchers(JsonNode node, QueryLanguage language) {
        List<Catcher> catchers = new ArrayList<>();
        int index = 0;
        for (JsonNode c : node.path("Catch")) {
            catchers.add(new Catcher(
                    strings(c.path("ErrorEquals")),
                    c.path("Next").asString(),
                    language == QueryLanguage.JSONATA ? null : resultPath(c),
                    language == QueryLanguage.JSONATA && c.has("Output")
                            ? JsonataTemplate.compile(c.get("Output"), "Catch/" + index + "/Output")
                            : null,
                    DefinitionParser.assign(c, language, "Catch/" + index + "/Assign")));
            index++;
        }
        return catchers;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    /** {@code "InputPath": null} / {@code "OutputPath": null}: an empty object, whatever the input. */
    private enum EmptyObjectPath implements PathExpression {
        INSTANCE;

        @Override
        public String text() {
            return "null";
        }

        @Override
        public Optional<JsonNode> read(io.stateway.orchestrator.asl.EvaluationScope scope) {
            return Optional.of(Json.NODES.objectNode());
        }

        @Override
        public JsonNode require(io.stateway.orchestrator.asl.EvaluationScope scope) {
            return Json.NODES.objectNode();
        }
    }
}
