package io.stateway.orchestrator.asl.payload;

/**
 * A payload template that cannot be compiled because a {@code .$} field holds neither a valid path nor a valid
 * intrinsic call. The message is AWS's validation text, e.g. {@code The value for the field 'parsed.$' must be
 * a valid JSONPath or a valid intrinsic function call}; {@link #detail()} says what exactly is wrong.
 */
public final class PayloadTemplateException extends RuntimeException {

    private final String field;
    private final String detail;

    PayloadTemplateException(String field, String detail) {
        super("The value for the field '" + field + "' must be a valid JSONPath or a valid intrinsic function call");
        this.field = field;
        this.detail = detail;
    }

    /** The offending key, with its {@code .$} suffix. */
    public String field() {
        return field;
    }

    /** The path or intrinsic syntax problem behind the rejection. */
    public String detail() {
        return detail;
    }
}
