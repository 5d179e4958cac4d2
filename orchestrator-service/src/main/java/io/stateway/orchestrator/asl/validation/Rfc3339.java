package io.stateway.orchestrator.asl.validation;

import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 3339 timestamps as AWS accepts them in a Wait state's {@code Timestamp} and the Choice
 * timestamp operators: {@code 2016-03-14T01:59:00Z}, with optional fractional seconds and a {@code
 * Z} or {@code +hh:mm} offset. The date and time must exist (no month 13, no hour 25); a space in
 * place of the {@code T} and a missing offset are rejected, as AWS rejects them.
 */
final class Rfc3339 {

    static final String MISMATCH_MESSAGE = "String does not match RFC3339 timestamp";

    private static final Pattern SHAPE = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?(?:[Zz]|[+-](\\d{2}):(\\d{2}))");

    private Rfc3339() {}

    static boolean matches(String text) {
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            return false;
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (month < 1
                || month > 12
                || day < 1
                || day > YearMonth.of(year, month).lengthOfMonth()) {
            return false;
        }
        // Second 60 is RFC 3339's leap second.
        boolean timeValid = Integer.parseInt(m.group(4)) <= 23
                && Integer.parseInt(m.group(5)) <= 59
                && Integer.parseInt(m.group(6)) <= 60;
        boolean offsetValid =
                m.group(8) == null || (Integer.parseInt(m.group(8)) <= 23 && Integer.parseInt(m.group(9)) <= 59);
        return timeValid && offsetValid;
    }
}
