package io.stateway.orchestrator.asl.validation;

import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A Distributed Map's data plumbing: {@code ItemReader} (an S3 resource, its {@code ReaderConfig}
 * and its request), {@code ItemBatcher} (batch sizes, {@code BatchInput}) and {@code ResultWriter}
 * (an S3 destination and/or a {@code WriterConfig}). In JSONata the requests are {@code Arguments};
 * AWS then requires {@code Arguments} of a ResultWriter with a Resource and does not report a
 * leftover {@code Parameters} there (recorded: {@code These fields are required: [Arguments] at
 * /States/.../ResultWriter} as the only finding).
 */
final class MapDataRules {

    private static final Pattern READER_RESOURCE =
            Pattern.compile("arn:aws(?:-[a-z-]+)?:states:::s3:(?:getObject|listObjectsV2)");
    private static final Pattern WRITER_RESOURCE = Pattern.compile("arn:aws(?:-[a-z-]+)?:states:::s3:putObject");
    private static final long MAX_ITEMS = 100_000_000L;
    private static final long MAX_BATCH_BYTES = 256 * 1024;

    private static final Shape JSONPATH_READER = Shape.of(List.of("Resource"), "ReaderConfig", "Parameters");
    private static final Shape JSONATA_READER = Shape.of(List.of("Resource"), "ReaderConfig", "Arguments");
    private static final Shape JSONPATH_READER_CONFIG = Shape.of(
            List.of(),
            "InputType",
            "CSVHeaderLocation",
            "CSVHeaders",
            "CSVDelimiter",
            "MaxItems",
            "MaxItemsPath",
            "ManifestType");
    private static final Shape JSONATA_READER_CONFIG = Shape.of(
            List.of(), "InputType", "CSVHeaderLocation", "CSVHeaders", "CSVDelimiter", "MaxItems", "ManifestType");
    private static final Shape JSONPATH_BATCHER = Shape.of(
            List.of(),
            "MaxItemsPerBatch",
            "MaxItemsPerBatchPath",
            "MaxInputBytesPerBatch",
            "MaxInputBytesPerBatchPath",
            "BatchInput");
    private static final Shape JSONATA_BATCHER =
            Shape.of(List.of(), "MaxItemsPerBatch", "MaxInputBytesPerBatch", "BatchInput");
    private static final Shape JSONPATH_WRITER = Shape.of(List.of(), "Resource", "Parameters", "WriterConfig");
    private static final Shape JSONATA_WRITER =
            Shape.of(List.of(), "Resource", "Arguments", "Parameters", "WriterConfig");
    private static final Shape WRITER_CONFIG = Shape.of(List.of(), "OutputType", "Transformation");

    private MapDataRules() {}

    static void check(StateScope scope) {
        Inspection in = scope.in();
        Fields.object(in, scope.state(), scope.at(), "ItemReader")
                .ifPresent(reader -> itemReader(scope, reader, scope.field("ItemReader")));
        Fields.object(in, scope.state(), scope.at(), "ItemBatcher")
                .ifPresent(batcher -> itemBatcher(scope, batcher, scope.field("ItemBatcher")));
        Fields.object(in, scope.state(), scope.at(), "ResultWriter")
                .ifPresent(writer -> resultWriter(scope, writer, scope.field("ResultWriter")));
    }

    private static void itemReader(StateScope scope, JsonNode reader, Location at) {
        Inspection in = scope.in();
        (scope.jsonata() ? JSONATA_READER : JSONPATH_READER).check(in, reader, at);
        resource(in, reader, at, READER_RESOURCE);
        request(scope, reader, at);
        Fields.object(in, reader, at, "ReaderConfig").ifPresent(config -> {
            Location configAt = at.field("ReaderConfig");
            (scope.jsonata() ? JSONATA_READER_CONFIG : JSONPATH_READER_CONFIG).check(in, config, configAt);
            Fields.enumeration(
                    in, config, configAt, "InputType", List.of("CSV", "JSON", "JSONL", "MANIFEST", "PARQUET"));
            Fields.enumeration(
                    in, config, configAt, "CSVDelimiter", List.of("COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB"));
            Fields.enumeration(in, config, configAt, "ManifestType", List.of("ATHENA_DATA", "S3_INVENTORY"));
            Fields.enumeration(in, config, configAt, "CSVHeaderLocation", List.of("FIRST_ROW", "GIVEN"))
                    .filter("GIVEN"::equals)
                    .filter(given -> !config.has("CSVHeaders"))
                    .ifPresent(given -> in.schema(Fields.requiredMessage(List.of("CSVHeaders")), configAt));
            Fields.nonEmptyArray(in, config, configAt, "CSVHeaders").ifPresent(headers -> {
                for (int i = 0; i < headers.size(); i++) {
                    if (!headers.get(i).isString()) {
                        in.schema(
                                Fields.typeMessage("String"),
                                configAt.field("CSVHeaders").index(i));
                    }
                }
            });
            nested(scope, config, configAt, "MaxItems", 0, MAX_ITEMS);
        });
    }

    private static void itemBatcher(StateScope scope, JsonNode batcher, Location at) {
        Inspection in = scope.in();
        (scope.jsonata() ? JSONATA_BATCHER : JSONPATH_BATCHER).check(in, batcher, at);
        List<String> sizes = scope.jsonata()
                ? List.of("MaxItemsPerBatch", "MaxInputBytesPerBatch")
                : List.of(
                        "MaxItemsPerBatch",
                        "MaxItemsPerBatchPath",
                        "MaxInputBytesPerBatch",
                        "MaxInputBytesPerBatchPath");
        if (sizes.stream().noneMatch(batcher::has)) {
            in.schema("At least one of these fields is required: " + sizes, at);
        }
        nested(scope, batcher, at, "MaxItemsPerBatch", 1, Long.MAX_VALUE);
        nested(scope, batcher, at, "MaxInputBytesPerBatch", 1, MAX_BATCH_BYTES);
        JsonNode batchInput = batcher.get("BatchInput");
        if (batchInput != null) {
            template(scope, batchInput, "BatchInput", at.field("BatchInput"));
        }
    }

    private static void resultWriter(StateScope scope, JsonNode writer, Location at) {
        Inspection in = scope.in();
        (scope.jsonata() ? JSONATA_WRITER : JSONPATH_WRITER).check(in, writer, at);
        String destination = scope.jsonata() ? "Arguments" : "Parameters";
        if (writer.has("Resource") && !writer.has(destination)) {
            in.schema(Fields.requiredMessage(List.of(destination)), at);
        }
        if (!writer.has("Resource") && !writer.has("WriterConfig")) {
            in.schema(Fields.requiredMessage(List.of("Resource")), at);
        }
        resource(in, writer, at, WRITER_RESOURCE);
        request(scope, writer, at);
        Fields.object(in, writer, at, "WriterConfig").ifPresent(config -> {
            Location configAt = at.field("WriterConfig");
            WRITER_CONFIG.check(in, config, configAt);
            Fields.enumeration(in, config, configAt, "OutputType", List.of("JSON", "JSONL"));
            Fields.enumeration(in, config, configAt, "Transformation", List.of("NONE", "COMPACT", "FLATTEN"));
        });
    }

    private static void resource(Inspection in, JsonNode owner, Location at, Pattern allowed) {
        Fields.nonEmptyString(in, owner, at, "Resource")
                .filter(resource -> !allowed.matcher(resource).matches())
                .ifPresent(resource -> in.schema(
                        "The resource provided " + resource
                                + " is not recognized. The value is not a valid resource ARN,"
                                + " or the resource is not available in this region.",
                        at.field("Resource")));
    }

    /** The S3 request of a reader or writer: {@code Parameters} in JSONPath, {@code Arguments} in JSONata. */
    private static void request(StateScope scope, JsonNode owner, Location at) {
        String field = scope.jsonata() ? "Arguments" : "Parameters";
        JsonNode request = owner.get(field);
        if (request != null) {
            template(scope, request, field, at.field(field));
        }
    }

    private static void template(StateScope scope, JsonNode template, String field, Location at) {
        if (scope.jsonata()) {
            if (!template.isObject() && !JsonataExpressions.isExpression(template)) {
                scope.in().schema(Fields.typeMessage("Object"), at);
            } else {
                JsonataExpressions.checkTemplate(scope.in(), template, field, at);
            }
        } else if (!template.isObject()) {
            scope.in().schema(Fields.typeMessage("Object"), at);
        } else {
            PayloadTemplates.check(scope.in(), template, at);
        }
    }

    /** A size field of a reader or batcher, with its JSONPath {@code ...Path} variant. */
    private static void nested(StateScope scope, JsonNode owner, Location at, String field, long min, long max) {
        Inspection in = scope.in();
        JsonNode value = owner.get(field);
        if (value != null) {
            if (scope.jsonata() && JsonataExpressions.isExpression(value)) {
                JsonataExpressions.checkString(in, value.stringValue(), field, at.field(field));
            } else {
                Fields.integerValue(in, value, at.field(field), min, max);
            }
        }
        if (!scope.jsonata()) {
            PathFields.referencePath(in, owner, at, field + "Path");
            if (owner.has(field) && owner.has(field + "Path")) {
                in.schema(Fields.exclusiveMessage(List.of(field, field + "Path")), at);
            }
        }
    }
}
