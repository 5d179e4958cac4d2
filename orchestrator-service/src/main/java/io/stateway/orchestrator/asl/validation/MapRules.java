package io.stateway.orchestrator.asl.validation;

import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Map state rules: the item processor ({@code ItemProcessor} with its {@code ProcessorConfig}, or
 * the deprecated {@code Iterator}), where items come from ({@code ItemsPath}, {@code Items}, an
 * {@code ItemReader}), how each is shaped ({@code ItemSelector}, deprecated {@code Parameters}),
 * concurrency and failure tolerance (static, path or expression; never two forms of one), its
 * {@code Label}, batching and result writing, and its retriers and catchers.
 */
final class MapRules {

    /** The deprecated {@code Iterator} takes a {@code ProcessorConfig} too (AWS runs such definitions). */
    static final Shape PROCESSOR =
            Shape.of(List.of("StartAt", "States"), "ProcessorConfig", "Comment", "QueryLanguage");

    private static final Shape PROCESSOR_CONFIG = Shape.of(List.of(), "Mode", "ExecutionType");

    private MapRules() {}

    static void check(StateScope scope, MachineInspector machines) {
        Inspection in = scope.in();
        processor(scope, machines);
        if (scope.jsonata()) {
            items(scope);
            JsonNode selector = scope.get("ItemSelector");
            if (selector != null && !selector.isObject() && !JsonataExpressions.isExpression(selector)) {
                in.schema(Fields.typeMessage("Object"), scope.field("ItemSelector"));
            } else {
                scope.jsonataTemplate("ItemSelector");
            }
        } else {
            PathFields.referencePath(in, scope.state(), scope.at(), "ItemsPath");
            scope.payloadTemplate("ItemSelector", true);
            scope.payloadTemplate("Parameters", true);
            scope.exclusive("ItemSelector", "Parameters");
            scope.payloadTemplate("ResultSelector", true);
            PathFields.resultPath(in, scope.state(), scope.at());
            for (String field : List.of("MaxConcurrency", "ToleratedFailurePercentage", "ToleratedFailureCount")) {
                PathFields.referencePath(in, scope.state(), scope.at(), field + "Path");
                scope.exclusive(field, field + "Path");
            }
        }
        scope.integerOrExpression("MaxConcurrency", 0, Long.MAX_VALUE);
        scope.integerOrExpression("ToleratedFailureCount", 0, Long.MAX_VALUE);
        toleratedFailurePercentage(scope);
        Fields.string(in, scope.state(), scope.at(), "Label")
                .ifPresent(label -> machines.labels().check(in, label, scope.field("Label")));
        MapDataRules.check(scope);
        RetryCatchRules.check(scope);
    }

    private static void processor(StateScope scope, MachineInspector machines) {
        Inspection in = scope.in();
        boolean hasProcessor = scope.has("ItemProcessor");
        boolean hasIterator = scope.has("Iterator") && !scope.jsonata();
        if (!hasProcessor && !hasIterator) {
            in.schema(Fields.requiredMessage(List.of("ItemProcessor")), scope.at());
        }
        scope.exclusive("ItemProcessor", "Iterator");
        for (String field : hasIterator ? List.of("ItemProcessor", "Iterator") : List.of("ItemProcessor")) {
            Fields.object(in, scope.state(), scope.at(), field).ifPresent(processor -> {
                Location at = scope.field(field);
                processorConfig(in, processor, at);
                machines.inspectNested(processor, at, PROCESSOR);
            });
        }
    }

    private static void processorConfig(Inspection in, JsonNode processor, Location processorAt) {
        Fields.object(in, processor, processorAt, "ProcessorConfig").ifPresent(config -> {
            Location at = processorAt.field("ProcessorConfig");
            PROCESSOR_CONFIG.check(in, config, at);
            Fields.enumeration(in, config, at, "Mode", List.of("INLINE", "DISTRIBUTED"))
                    .filter("DISTRIBUTED"::equals)
                    .filter(distributed -> !config.has("ExecutionType"))
                    .ifPresent(distributed -> in.schema(Fields.requiredMessage(List.of("ExecutionType")), at));
            Fields.enumeration(in, config, at, "ExecutionType", List.of("STANDARD", "EXPRESS"));
        });
    }

    private static void items(StateScope scope) {
        JsonNode items = scope.get("Items");
        if (items == null) {
            return;
        }
        if (JsonataExpressions.isExpression(items) || items.isArray()) {
            JsonataExpressions.checkTemplate(scope.in(), items, "Items", scope.field("Items"));
        } else {
            scope.in().schema(Fields.typeMessage("Array"), scope.field("Items"));
        }
    }

    private static void toleratedFailurePercentage(StateScope scope) {
        JsonNode value = scope.get("ToleratedFailurePercentage");
        if (value == null) {
            return;
        }
        if (scope.jsonata() && JsonataExpressions.isExpression(value)) {
            JsonataExpressions.checkString(
                    scope.in(),
                    value.stringValue(),
                    "ToleratedFailurePercentage",
                    scope.field("ToleratedFailurePercentage"));
            return;
        }
        Fields.number(
                scope.in(),
                scope.state(),
                scope.at(),
                "ToleratedFailurePercentage",
                BigDecimal.ZERO,
                BigDecimal.valueOf(100));
    }
}
