package io.stateway.model.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class QuotaPeriodTest {

    private static final LocalDate THURSDAY = LocalDate.of(2026, 11, 26);

    @Test
    void day_startsAndEndsOnTheDay() {
        assertThat(QuotaPeriod.DAY.start(THURSDAY)).isEqualTo(THURSDAY);
        assertThat(QuotaPeriod.DAY.next(THURSDAY)).isEqualTo(THURSDAY.plusDays(1));
    }

    @Test
    void week_isAnIsoWeekFromMonday() {
        assertThat(QuotaPeriod.WEEK.start(THURSDAY)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(QuotaPeriod.WEEK.start(LocalDate.of(2026, 11, 23))).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(QuotaPeriod.WEEK.next(THURSDAY)).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void month_isTheCalendarMonth() {
        assertThat(QuotaPeriod.MONTH.start(THURSDAY)).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(QuotaPeriod.MONTH.next(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2027, 1, 1));
    }
}
