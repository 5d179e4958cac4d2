package io.stateway.gateway.vtl;

import java.io.Writer;

/** Collects a rendering and stops it when it grows too large or runs too long. */
final class BoundedWriter extends Writer {

    private final StringBuilder out = new StringBuilder();
    private final int maxChars;
    private final Deadline deadline;

    BoundedWriter(int maxChars, Deadline deadline) {
        this.maxChars = maxChars;
        this.deadline = deadline;
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
        if (out.length() + length > maxChars) {
            throw new RenderLimitException("The mapping template's output exceeds " + maxChars + " characters");
        }
        deadline.check();
        out.append(buffer, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) {
        if (out.length() + length > maxChars) {
            throw new RenderLimitException("The mapping template's output exceeds " + maxChars + " characters");
        }
        deadline.check();
        out.append(text, offset, offset + length);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
        return out.toString();
    }
}
