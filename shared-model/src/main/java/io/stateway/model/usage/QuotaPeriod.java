package io.stateway.model.usage;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The period a usage plan's quota counts over, as AWS names them. Periods are UTC calendar periods:
 * a day, an ISO week (Monday to Sunday) or a calendar month; the gateway's quota counters and the
 * usage report use the same boundaries.
 */
public enum QuotaPeriod {
    DAY,
    WEEK,
    MONTH;

    /** The first UTC day of the period {@code day} falls in. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** The first UTC day of the next period. */
    public LocalDate next(LocalDate day) {
        LocalDate start = start(day);
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }
}
