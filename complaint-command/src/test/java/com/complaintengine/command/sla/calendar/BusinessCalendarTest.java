package com.complaintengine.command.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The business calendar: weekends, holidays, make-up days (调休), working hours and what "N working days" means. */
class BusinessCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Mainland China 2026 as in calendars.yml: 09:00-18:00, Monday to Friday, statutory holidays and make-up days. */
    private static final BusinessCalendar CHINA = china("china", "09:00-18:00");

    /** The same days with a lunch break: 7 h 30 min of working time a day. */
    private static final BusinessCalendar STORE = china("china-store", "09:00-12:00", "13:30-18:00");

    /** A calendar in a zone with daylight-saving time: CET → CEST on 2026-03-29, back on 2026-10-25. */
    private static final BusinessCalendar GERMANY = BusinessCalendar.builder("germany", BERLIN)
            .workingPeriods("09:00-17:00").build();

    private static BusinessCalendar china(String name, String... periods) {
        return BusinessCalendar.builder(name, SHANGHAI).workingPeriods(periods)
                .holidayRange(date("2026-01-01"), date("2026-01-03"))
                .holidayRange(date("2026-02-15"), date("2026-02-23"))
                .holidayRange(date("2026-04-04"), date("2026-04-06"))
                .holidayRange(date("2026-05-01"), date("2026-05-05"))
                .holidayRange(date("2026-06-19"), date("2026-06-21"))
                .holidayRange(date("2026-09-25"), date("2026-09-27"))
                .holidayRange(date("2026-10-01"), date("2026-10-07"))
                .makeUpDays(date("2026-01-04"), date("2026-02-14"), date("2026-02-28"), date("2026-05-09"),
                        date("2026-09-20"), date("2026-10-10"))
                .build();
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Test
    @DisplayName("weekends are not working days and their time does not count")
    void weekendsAreSkipped() {
        assertThat(CHINA.isWorkingDay(date("2026-03-13"))).isTrue();
        assertThat(CHINA.isWorkingDay(date("2026-03-14"))).isFalse();
        assertThat(CHINA.isWorkingDay(date("2026-03-15"))).isFalse();
        // Thu 03-12 10:00 + 3: Fri 13 (1), Mon 16 (2), Tue 17 (3), same time of day.
        assertThat(CHINA.addWorkingDays(shanghai("2026-03-12T10:00"), 3)).isEqualTo(shanghai("2026-03-17T10:00"));
        // Fri 17:00 + 2 h: 1 h on Friday, 1 h on Monday morning.
        assertThat(CHINA.addBusinessDuration(shanghai("2026-03-13T17:00"), Duration.ofHours(2)))
                .isEqualTo(shanghai("2026-03-16T10:00"));
    }

    @Test
    @DisplayName("holidays are not working days, including a weekday inside a holiday block")
    void holidaysAreSkipped() {
        assertThat(CHINA.isWorkingDay(date("2026-10-01"))).isFalse();
        assertThat(CHINA.isWorkingDay(date("2026-10-07"))).isFalse();
        assertThat(CHINA.isWorkingDay(date("2026-10-08"))).isTrue();
        assertThat(CHINA.isWorkingDay(date("2026-02-16"))).as("a Monday of the Spring Festival").isFalse();
        // Wed 09-30 17:00 + 2 h: 1 h before the National Day, 1 h on Thu 10-08.
        assertThat(CHINA.addBusinessDuration(shanghai("2026-09-30T17:00"), Duration.ofHours(2)))
                .isEqualTo(shanghai("2026-10-08T10:00"));
    }

    @Test
    @DisplayName("a make-up Saturday or Sunday is a working day and counts")
    void makeUpDaysCount() {
        assertThat(CHINA.isWorkingDay(date("2026-10-10"))).as("make-up Saturday").isTrue();
        assertThat(CHINA.isWorkingDay(date("2026-09-20"))).as("make-up Sunday").isTrue();
        assertThat(CHINA.isWorkingDay(date("2026-09-19"))).as("an ordinary Saturday").isFalse();
        assertThat(CHINA.addWorkingDays(shanghai("2026-10-09T10:00"), 1)).isEqualTo(shanghai("2026-10-10T10:00"));
        assertThat(CHINA.addBusinessDuration(shanghai("2026-10-09T17:00"), Duration.ofHours(2)))
                .isEqualTo(shanghai("2026-10-10T10:00"));
        assertThat(CHINA.isWorkingTime(shanghai("2026-10-10T11:00"))).isTrue();
    }

    @Test
    @DisplayName("working hours are half-open and the lunch break does not count")
    void workingHoursAndLunchBreak() {
        assertThat(STORE.workingDayLength()).isEqualTo(Duration.ofMinutes(450));
        assertThat(STORE.isWorkingTime(shanghai("2026-03-17T08:59"))).isFalse();
        assertThat(STORE.isWorkingTime(shanghai("2026-03-17T09:00"))).isTrue();
        assertThat(STORE.isWorkingTime(shanghai("2026-03-17T11:59:59"))).isTrue();
        assertThat(STORE.isWorkingTime(shanghai("2026-03-17T12:00"))).isFalse();
        assertThat(STORE.isWorkingTime(shanghai("2026-03-17T12:30"))).isFalse();
        assertThat(STORE.isWorkingTime(shanghai("2026-03-17T13:30"))).isTrue();
        assertThat(STORE.isWorkingTime(shanghai("2026-03-17T18:00"))).isFalse();
        // 11:00 + 2 h: 11:00-12:00, then 13:30-14:30.
        assertThat(STORE.addBusinessDuration(shanghai("2026-03-17T11:00"), Duration.ofHours(2)))
                .isEqualTo(shanghai("2026-03-17T14:30"));
        // Time that runs out exactly at the end of the morning is due at 12:00, not at 13:30.
        assertThat(STORE.addBusinessDuration(shanghai("2026-03-17T11:00"), Duration.ofHours(1)))
                .isEqualTo(shanghai("2026-03-17T12:00"));
        assertThat(STORE.addBusinessDuration(shanghai("2026-03-17T12:15"), Duration.ofMinutes(30)))
                .isEqualTo(shanghai("2026-03-17T14:00"));
        assertThat(STORE.addBusinessDuration(shanghai("2026-03-17T07:00"), Duration.ofHours(1)))
                .isEqualTo(shanghai("2026-03-17T10:00"));
        // Received in the lunch break: the position is the end of the morning, so Wednesday 12:00.
        assertThat(STORE.addWorkingDays(shanghai("2026-03-17T12:30"), 1)).isEqualTo(shanghai("2026-03-18T12:00"));
        assertThat(STORE.addWorkingDays(shanghai("2026-03-17T15:00"), 1)).isEqualTo(shanghai("2026-03-18T15:00"));
    }

    @Test
    @DisplayName("3 working days from a Friday evening before a holiday land at the end of the third working day after it")
    void fridayEveningBeforeHoliday() {
        // Spring Festival: Fri 02-13 20:00 is after closing, so counting starts with the next working day.
        // Sat 02-14 is a make-up day (1); Sun 02-15..Mon 02-23 are the holiday; Tue 02-24 (2); Wed 02-25 (3).
        // Due at the end of Wed 02-25: 18:00 in Shanghai (UTC+8) = 10:00 UTC.
        Instant springFestivalEve = shanghai("2026-02-13T20:00");
        assertThat(CHINA.addWorkingDays(springFestivalEve, 3)).isEqualTo(Instant.parse("2026-02-25T10:00:00Z"));

        // National Day: the last Friday before it, 09-25 20:00, is itself the Mid-Autumn holiday (09-25..09-27).
        // Mon 09-28 (1), Tue 09-29 (2), Wed 09-30 (3) → Wed 18:00; 10-01..10-07 are the holiday, so
        // Thu 10-08 is the 4th, Fri 10-09 the 5th and the make-up Saturday 10-10 the 6th.
        Instant fridayBeforeNationalDay = shanghai("2026-09-25T20:00");
        assertThat(CHINA.addWorkingDays(fridayBeforeNationalDay, 3)).isEqualTo(Instant.parse("2026-09-30T10:00:00Z"));
        assertThat(CHINA.addWorkingDays(fridayBeforeNationalDay, 4)).isEqualTo(Instant.parse("2026-10-08T10:00:00Z"));
        assertThat(CHINA.addWorkingDays(fridayBeforeNationalDay, 6)).isEqualTo(Instant.parse("2026-10-10T10:00:00Z"));

        // The eve of the National Day, Wed 09-30 20:00: Thu 10-08 (1), Fri 10-09 (2), make-up Sat 10-10 (3).
        assertThat(CHINA.addWorkingDays(shanghai("2026-09-30T20:00"), 3)).isEqualTo(shanghai("2026-10-10T18:00"));

        // The same as three working days of working time: 3 × 9 h counted from Sat 02-14 09:00.
        assertThat(CHINA.addBusinessDuration(springFestivalEve, Duration.ofHours(27)))
                .isEqualTo(CHINA.addWorkingDays(springFestivalEve, 3));
    }

    @Test
    @DisplayName("received inside working hours: the same time of day on the Nth following working day")
    void startInsideWorkingHours() {
        // Tue 09-22 10:00: Wed 23 (1), Thu 24 (2), Fri 25..Sun 27 Mid-Autumn and weekend, Mon 28 (3).
        assertThat(CHINA.addWorkingDays(shanghai("2026-09-22T10:00"), 3)).isEqualTo(shanghai("2026-09-28T10:00"));
        // At opening time no work is done yet: that day counts as the first, due at its end two days later.
        assertThat(CHINA.addWorkingDays(shanghai("2026-03-17T09:00"), 3)).isEqualTo(shanghai("2026-03-19T18:00"));
        assertThat(CHINA.addWorkingDays(shanghai("2026-03-17T07:00"), 3)).isEqualTo(shanghai("2026-03-19T18:00"));
        // At closing time the day is done: due at the end of the third following working day.
        assertThat(CHINA.addWorkingDays(shanghai("2026-03-17T18:00"), 3)).isEqualTo(shanghai("2026-03-20T18:00"));
        assertThat(CHINA.addWorkingDays(shanghai("2026-03-17T10:00"), 0)).isEqualTo(shanghai("2026-03-17T10:00"));
    }

    @Test
    @DisplayName("received on a holiday: counting starts with the first working day after it")
    void startOnHoliday() {
        Instant holiday = shanghai("2026-10-03T10:00");
        assertThat(CHINA.isWorkingTime(holiday)).isFalse();
        assertThat(CHINA.addBusinessDuration(holiday, Duration.ofHours(1))).isEqualTo(shanghai("2026-10-08T10:00"));
        // Thu 10-08 (1), Fri 10-09 (2), make-up Sat 10-10 (3).
        assertThat(CHINA.addWorkingDays(holiday, 3)).isEqualTo(shanghai("2026-10-10T18:00"));
    }

    @Test
    @DisplayName("working time between two instants skips nights, weekends, holidays and breaks")
    void businessTimeBetween() {
        assertThat(CHINA.businessTimeBetween(shanghai("2026-03-13T17:00"), shanghai("2026-03-16T10:00")))
                .as("Fri 1 h + Mon 1 h").isEqualTo(Duration.ofHours(2));
        assertThat(CHINA.businessTimeBetween(shanghai("2026-09-30T17:00"), shanghai("2026-10-08T10:00")))
                .as("across the National Day").isEqualTo(Duration.ofHours(2));
        assertThat(CHINA.businessTimeBetween(shanghai("2026-09-24T17:00"), shanghai("2026-09-29T10:00")))
                .as("Thu 1 h, Mid-Autumn and weekend, Mon 9 h, Tue 1 h").isEqualTo(Duration.ofHours(11));
        assertThat(CHINA.businessTimeBetween(shanghai("2026-09-18T17:00"), shanghai("2026-09-21T10:00")))
                .as("Fri 1 h, make-up Sun 9 h, Mon 1 h").isEqualTo(Duration.ofHours(11));
        assertThat(STORE.businessTimeBetween(shanghai("2026-03-17T11:00"), shanghai("2026-03-17T14:00")))
                .as("the lunch break does not count").isEqualTo(Duration.ofMinutes(90));
        assertThat(CHINA.businessTimeBetween(shanghai("2026-10-02T10:00"), shanghai("2026-10-02T10:00")))
                .isZero();
        assertThatThrownBy(() -> CHINA.businessTimeBetween(shanghai("2026-03-17T10:00"), shanghai("2026-03-16T10:00")))
                .isInstanceOf(IllegalArgumentException.class);
        Instant start = shanghai("2026-09-29T16:30");
        for (Duration amount : List.of(Duration.ofMinutes(90), Duration.ofHours(2), Duration.ofHours(40))) {
            assertThat(CHINA.businessTimeBetween(start, CHINA.addBusinessDuration(start, amount))).isEqualTo(amount);
        }
    }

    @Test
    @DisplayName("a paused business-time clock moves its due instant by the working time it was paused")
    void pausedClockMovesByPausedWorkingTime() {
        Instant due = CHINA.addWorkingDays(shanghai("2026-09-22T10:00"), 3);
        assertThat(due).isEqualTo(shanghai("2026-09-28T10:00"));
        // Paused Wed 16:00 → Thu 11:00: 2 h on Wednesday + 2 h on Thursday.
        Duration paused = CHINA.businessTimeBetween(shanghai("2026-09-23T16:00"), shanghai("2026-09-24T11:00"));
        assertThat(paused).isEqualTo(Duration.ofHours(4));
        assertThat(CHINA.addBusinessDuration(due, paused)).isEqualTo(shanghai("2026-09-28T14:00"));
    }

    @Test
    @DisplayName("a calendar-time clock ignores working hours and holidays")
    void calendarTime() {
        assertThat(CHINA.addCalendarDuration(shanghai("2026-02-13T20:00"), Duration.ofHours(2)))
                .isEqualTo(shanghai("2026-02-13T22:00"));
    }

    @Test
    @DisplayName("without daylight-saving time a working day after Friday 10:00 is exactly 72 h later")
    void zoneWithoutDaylightSaving() {
        Instant friday = shanghai("2026-03-27T10:00");
        assertThat(CHINA.addWorkingDays(friday, 1)).isEqualTo(friday.plus(Duration.ofHours(72)));
        assertThat(CHINA.addWorkingDays(friday, 1)).isEqualTo(Instant.parse("2026-03-30T02:00:00Z"));
    }

    @Test
    @DisplayName("with daylight-saving time working hours stay at local time on both sides of the change")
    void zoneWithDaylightSaving() {
        // Fri 03-27 10:00 CET (09:00 UTC) + 1 → Mon 03-30 10:00 CEST (08:00 UTC): 71 h later, not 72.
        assertThat(GERMANY.addWorkingDays(berlin("2026-03-27T10:00"), 1)).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
        // Fri 15:00 CET + 4 h: 2 h on Friday, Mon 09:00 CEST + 2 h = 11:00 CEST = 09:00 UTC.
        assertThat(GERMANY.addBusinessDuration(berlin("2026-03-27T15:00"), Duration.ofHours(4)))
                .isEqualTo(Instant.parse("2026-03-30T09:00:00Z"));
        assertThat(GERMANY.businessTimeBetween(berlin("2026-03-27T09:00"), berlin("2026-03-30T17:00")))
                .isEqualTo(Duration.ofHours(16));
        // Fri 10-23 16:00 CEST + 2 h: 1 h on Friday, Mon 10-26 09:00 CET + 1 h = 10:00 CET = 09:00 UTC.
        assertThat(GERMANY.addBusinessDuration(berlin("2026-10-23T16:00"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-10-26T09:00:00Z"));

        // Round the clock, every day: the day of the change has 23 h (spring) or 25 h (autumn) of working time.
        BusinessCalendar always = BusinessCalendar.builder("always", BERLIN).workingPeriods("00:00-24:00")
                .workingWeekdays(DayOfWeek.values()).build();
        assertThat(always.isWorkingTime(Instant.parse("2026-03-29T01:30:00Z"))).isTrue();
        assertThat(always.businessTimeBetween(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00")))
                .isEqualTo(Duration.ofHours(23));
        assertThat(always.businessTimeBetween(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00")))
                .isEqualTo(Duration.ofHours(25));
        assertThat(always.addWorkingDays(berlin("2026-03-28T10:00"), 1)).isEqualTo(berlin("2026-03-29T10:00"));
        assertThat(always.addBusinessDuration(berlin("2026-03-28T23:00"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-03-29T00:00:00Z"));
    }

    @Test
    @DisplayName("a bad definition is refused with the bad entry named")
    void validation() {
        assertThatThrownBy(() -> BusinessCalendar.builder("bad", SHANGHAI).workingPeriods("09:00-12:00", "11:30-18:00").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bad'").hasMessageContaining("11:30-18:00 overlaps 09:00-12:00");
        assertThatThrownBy(() -> BusinessCalendar.WorkingPeriod.parse("18:00-09:00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("18:00-09:00");
        assertThatThrownBy(() -> BusinessCalendar.WorkingPeriod.parse("12:00-12:00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12:00-12:00");
        assertThatThrownBy(() -> BusinessCalendar.WorkingPeriod.parse("9-12"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'9-12'");
        assertThatThrownBy(() -> BusinessCalendar.WorkingPeriod.parse("09:00-25:00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'09:00-25:00'");
        assertThatThrownBy(() -> BusinessCalendar.builder("bad", SHANGHAI)
                .holidays(date("2026-10-10")).makeUpDays(date("2026-10-10")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-10-10 is both a holiday and a make-up working day");
        assertThatThrownBy(() -> BusinessCalendar.builder("bad", SHANGHAI).makeUpDays(date("2026-09-21")).build())
                .as("a make-up Monday is a mistyped date").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-09-21");
        assertThatThrownBy(() -> new BusinessCalendar("bad", SHANGHAI, List.of(BusinessCalendar.WorkingPeriod.parse("09:00-18:00")),
                Set.of(), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("working weekday");
        assertThatThrownBy(() -> new BusinessCalendar("bad", SHANGHAI, List.of(), EnumSet.of(DayOfWeek.MONDAY),
                List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("working period");
        assertThatThrownBy(() -> CHINA.addWorkingDays(shanghai("2026-03-17T10:00"), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CHINA.addBusinessDuration(shanghai("2026-03-17T10:00"), Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(BusinessCalendar.WorkingPeriod.parse(" 9:00 - 24:00 ").toString()).isEqualTo("09:00-24:00");
    }
}
