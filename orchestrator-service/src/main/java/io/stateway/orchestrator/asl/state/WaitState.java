package io.stateway.orchestrator.asl.state;

import io.stateway.model.asl.StatesErrors;
import io.stateway.model.history.HistoryEventType;
import io.stateway.orchestrator.asl.FailureException;
import io.stateway.orchestrator.asl.definition.QueryLanguage;
import io.stateway.orchestrator.asl.definition.Transition;
import io.stateway.orchestrator.asl.expr.PathExpression;
import io.stateway.orchestrator.asl.jsonata.JsonataExpression;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/**
 * {@code Wait}: pauses for some seconds or until a timestamp. It never blocks: it asks the runtime
 * for a timer and completes when resumed (at once when the time has already come).
 */
public record WaitState(
        String name,
        QueryLanguage queryLanguage,
        Transition transition,
        Duration duration,
        JsonPathIo io,
        JsonataIo jsonata,
        Assign assign)
        implements State {

    /** How long to wait, in each of the forms ASL allows. */
    public sealed interface Duration {
        record Seconds(long seconds) implements Duration {}

        record Timestamp(Instant instant) implements Duration {}

        record SecondsPath(PathExpression path) implements Duration {}

        record TimestampPath(PathExpression path) implements Duration {}

        record JsonataSeconds(JsonataExpression expression) implements Duration {}

        record JsonataTimestamp(JsonataExpression expression) implements Duration {}
    }

    @Override
    public HistoryEventType enteredEventType() {
        return HistoryEventType.WaitStateEntered;
    }

    @Override
    public HistoryEventType exitedEventType() {
        return HistoryEventType.WaitStateExited;
    }

    @Override
    public StepResult execute(StateContext context) {
        Instant due = dueAt(context);
        return due.isAfter(context.now()) ? new StepResult.AwaitTimer(due) : finish(context);
    }

    @Override
    public StepResult resume(StateContext context, Resumption resumption) {
        return finish(context);
    }

    private StepResult finish(StateContext context) {
        if (queryLanguage == QueryLanguage.JSONATA) {
            var assigned = DataFlow.assigned(assign, context, null);
            return new StepResult.Completed(
                    DataFlow.jsonataOutput(jsonata.output(), context, null, null, context.input()), assigned, null);
        }
        JsonNode effective = DataFlow.effectiveInput(io, context);
        var assigned = DataFlow.assigned(assign, context, effective);
        JsonNode output = io.outputPath() == null ? effective : io.outputPath().require(context.scope(effective));
        return new StepResult.Completed(output, assigned, null);
    }

    private Instant dueAt(StateContext context) {
        Instant now = context.now();
        return switch (duration) {
            case Duration.Seconds s -> now.plusSeconds(s.seconds());
            case Duration.Timestamp t -> t.instant();
            case Duration.SecondsPath p -> now.plusSeconds(secondsAt(p.path(), context));
            case Duration.TimestampPath p -> timestampAt(p.path(), context);
            case Duration.JsonataSeconds e -> now.plusSeconds(jsonataSeconds(e.expression(), context));
            case Duration.JsonataTimestamp e -> jsonataTimestamp(e.expression(), context);
        };
    }

    private long secondsAt(PathExpression path, StateContext context) {
        JsonNode value = path.require(context.scope(DataFlow.effectiveInput(io, context)));
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw runtime(
                    "The SecondsPath parameter cannot be parsed as a long value: " + path.text() + " == " + value);
        }
        if (value.longValue() < 0) {
            throw runtime("The SecondsPath parameter references a negative value: " + path.text() + " == " + value);
        }
        return value.longValue();
    }

    private Instant timestampAt(PathExpression path, StateContext context) {
        JsonNode value = path.require(context.scope(DataFlow.effectiveInput(io, context)));
        Instant instant = value.isString() ? parseTimestamp(value.stringValue()) : null;
        if (instant == null) {
            throw runtime("The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time"
                    + " format string: " + path.text() + " == " + (value.isString() ? value.stringValue() : value));
        }
        return instant;
    }

    private static long jsonataSeconds(JsonataExpression expression, StateContext context) {
        JsonNode value = expression.evaluate(context.jsonataScope(null, null));
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw expression.error("returned an unexpected result type. Expected 'integer', but was '"
                    + JsonTypes.name(value) + "' for value: " + value);
        }
        return value.longValue();
    }

    private static Instant jsonataTimestamp(JsonataExpression expression, StateContext context) {
        JsonNode value = expression.evaluate(context.jsonataScope(null, null));
        Instant instant = value.isString() ? parseTimestamp(value.stringValue()) : null;
        if (instant == null) {
            throw new FailureException(
                    StatesErrors.QUERY_EVALUATION_ERROR,
                    "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: "
                            + (value.isString() ? value.stringValue() : value),
                    "Timestamp");
        }
        return instant;
    }

    /** AWS's timestamp form: ISO-8601 with a date, a {@code T}, a time and an offset or {@code Z}. */
    public static Instant parseTimestamp(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static FailureException runtime(String cause) {
        return new FailureException(StatesErrors.RUNTIME, cause);
    }
}
