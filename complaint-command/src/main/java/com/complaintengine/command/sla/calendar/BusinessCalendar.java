package com.complaintengine.command.sla.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A business calendar (DOMAIN.md "Time limits"): the working periods of a working day in one time zone (e.g.
 * 09:00–12:00 and 13:30–18:00), the working weekdays, holidays, and make-up working days (调休: a weekend day
 * worked to bridge a holiday, as in China). Working periods are half-open, so 09:00–18:00 includes 09:00 and
 * excludes 18:00; every working day has the same periods. Immutable and thread-safe.
 *
 * <p><b>What "N working days" means.</b> {@link #addWorkingDays} keeps the start's position in the working day,
 * that is the working time already done that day. Received inside working hours, the deadline is the same time
 * of day on the Nth following working day (Tuesday 10:00 + 3 → Friday 10:00). Received outside working hours,
 * the deadline is the end of the Nth working day, counting as the first the working day that has not yet begun:
 * the same day when received before it opens, otherwise the next working day. So Friday 20:00 + 3, with a normal
 * week ahead, is Wednesday at closing time; Friday 2026-02-13 20:00 + 3 counts the make-up Saturday 02-14, skips
 * the Spring Festival and is due Wednesday 02-25 at 18:00. Received in a break (lunch), the position is the end of
 * the period before it, so the deadline is the end of that period on the Nth following working day. In every case
 * this is the same working time as {@code addBusinessDuration(start, N × workingDayLength())}; counting days keeps
 * the local time of day across daylight-saving changes.
 */
public final class BusinessCalendar {

    private static final long NANOS_PER_DAY = Duration.ofDays(1).toNanos();

    private final String name;
    private final ZoneId zone;
    private final List<WorkingPeriod> workingPeriods;
    private final Set<DayOfWeek> workingWeekdays;
    private final NavigableSet<LocalDate> holidays;
    private final NavigableSet<LocalDate> makeUpDays;
    private final long workingDayNanos;

    /**
     * One working period of every working day, e.g. 09:00–12:00; an end of 24:00 (or 00:00) is the end of the day.
     */
    public record WorkingPeriod(LocalTime start, LocalTime end) {

        private static final Pattern TEXT = Pattern.compile("\\s*(\\d{1,2}:\\d{2}(?::\\d{2})?)\\s*-\\s*(\\d{1,2}:\\d{2}(?::\\d{2})?)\\s*");
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm[:ss]");

        public WorkingPeriod {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            long endNanos = end.equals(LocalTime.MIDNIGHT) ? NANOS_PER_DAY : end.toNanoOfDay();
            if (start.toNanoOfDay() >= endNanos) {
                throw new IllegalArgumentException("working period " + start + "-" + end + " must start before it ends");
            }
        }

        /** Parses {@code "09:00-12:00"}; {@code "24:00"} is accepted as an end. */
        public static WorkingPeriod parse(String text) {
            Matcher m = text == null ? null : TEXT.matcher(text);
            if (m == null || !m.matches()) {
                throw new IllegalArgumentException("working period '" + text + "' is not of the form HH:mm-HH:mm");
            }
            try {
                return new WorkingPeriod(time(m.group(1)), time(m.group(2)));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("working period '" + text + "' has an invalid time", e);
            }
        }

        private static LocalTime time(String text) {
            return text.equals("24:00") || text.equals("24:00:00") ? LocalTime.MIDNIGHT : LocalTime.parse(text, TIME);
        }

        public Duration length() {
            return Duration.ofNanos(endNanos() - startNanos());
        }

        long startNanos() {
            return start.toNanoOfDay();
        }

        long endNanos() {
            return end.equals(LocalTime.MIDNIGHT) ? NANOS_PER_DAY : end.toNanoOfDay();
        }

        @Override
        public String toString() {
            return start + "-" + (end.equals(LocalTime.MIDNIGHT) ? "24:00" : end.toString());
        }
    }

    /** A stretch of working time between two instants. */
    private record Interval(Instant start, Instant end) {
    }

    /**
     * @throws IllegalArgumentException naming the bad entry when periods overlap, no period or weekday is given, a
     *                                  date is both a holiday and a make-up day, or a make-up day is already a
     *                                  working weekday (almost certainly a mistyped date)
     */
    public BusinessCalendar(String name, ZoneId zone, List<WorkingPeriod> workingPeriods,
                            Set<DayOfWeek> workingWeekdays, Collection<LocalDate> holidays,
                            Collection<LocalDate> makeUpDays) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a business calendar needs a name");
        }
        this.name = name;
        this.zone = Objects.requireNonNull(zone, "zone");
        if (workingPeriods == null || workingPeriods.isEmpty()) {
            throw new IllegalArgumentException(where() + "needs at least one working period");
        }
        List<WorkingPeriod> sorted = new ArrayList<>(workingPeriods);
        sorted.sort(Comparator.comparingLong(WorkingPeriod::startNanos));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).endNanos() > sorted.get(i).startNanos()) {
                throw new IllegalArgumentException(where() + "working period " + sorted.get(i) + " overlaps "
                        + sorted.get(i - 1));
            }
        }
        this.workingPeriods = List.copyOf(sorted);
        this.workingDayNanos = sorted.stream().mapToLong(p -> p.endNanos() - p.startNanos()).sum();
        if (workingWeekdays == null || workingWeekdays.isEmpty()) {
            throw new IllegalArgumentException(where() + "needs at least one working weekday");
        }
        this.workingWeekdays = Collections.unmodifiableSet(EnumSet.copyOf(workingWeekdays));
        this.holidays = Collections.unmodifiableNavigableSet(new TreeSet<>(holidays == null ? List.of() : holidays));
        this.makeUpDays = Collections.unmodifiableNavigableSet(new TreeSet<>(makeUpDays == null ? List.of() : makeUpDays));
        for (LocalDate day : this.makeUpDays) {
            if (this.holidays.contains(day)) {
                throw new IllegalArgumentException(where() + day + " is both a holiday and a make-up working day");
            }
            if (this.workingWeekdays.contains(day.getDayOfWeek())) {
                throw new IllegalArgumentException(where() + "make-up working day " + day + " is a "
                        + day.getDayOfWeek() + ", already a working weekday");
            }
        }
    }

    public static Builder builder(String name, ZoneId zone) {
        return new Builder(name, zone);
    }

    public String name() {
        return name;
    }

    public ZoneId zone() {
        return zone;
    }

    public List<WorkingPeriod> workingPeriods() {
        return workingPeriods;
    }

    public Set<DayOfWeek> workingWeekdays() {
        return workingWeekdays;
    }

    public NavigableSet<LocalDate> holidays() {
        return holidays;
    }

    public NavigableSet<LocalDate> makeUpDays() {
        return makeUpDays;
    }

    /** The working time of one working day, e.g. 7 h 30 min for 09:00–12:00 and 13:30–18:00. */
    public Duration workingDayLength() {
        return Duration.ofNanos(workingDayNanos);
    }

    /** A make-up day always works; otherwise a working weekday that is not a holiday. */
    public boolean isWorkingDay(LocalDate date) {
        if (makeUpDays.contains(date)) {
            return true;
        }
        return workingWeekdays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** Whether the instant lies inside a working period of a working day (start included, end excluded). */
    public boolean isWorkingTime(Instant instant) {
        return nextWorkingInterval(instant).start().equals(instant);
    }

    /**
     * The instant at which {@code amount} of working time has passed since {@code start}; a start outside working
     * hours begins at the next working period's start. When the amount runs out exactly at the end of a period the
     * result is that end (12:00), not the next period's start. A zero amount returns {@code start}.
     */
    public Instant addBusinessDuration(Instant start, Duration amount) {
        requireNonNegative(amount);
        if (amount.isZero()) {
            return start;
        }
        Duration remaining = amount;
        Instant cursor = start;
        while (true) {
            Interval interval = nextWorkingInterval(cursor);
            Duration length = Duration.between(interval.start(), interval.end());
            if (remaining.compareTo(length) <= 0) {
                return interval.start().plus(remaining);
            }
            remaining = remaining.minus(length);
            cursor = interval.end();
        }
    }

    /** {@code days} working days after {@code start}, as defined in the class comment; 0 returns {@code start}. */
    public Instant addWorkingDays(Instant start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + days);
        }
        if (days == 0) {
            return start;
        }
        ZonedDateTime at = start.atZone(zone);
        LocalDate day = at.toLocalDate();
        long position;
        if (isWorkingDay(day)) {
            position = workedBefore(at.toLocalTime());
        } else {
            day = nextWorkingDay(day);
            position = 0;
        }
        // A working day that has not begun counts as the first, and its deadline is at the end of a day.
        LocalDate target = position == 0 ? plusWorkingDays(day, days - 1) : plusWorkingDays(day, days);
        return instantAt(target, position == 0 ? workingDayNanos : position);
    }

    /**
     * The working time between two instants, e.g. to move a paused clock's due instant by the time it was paused.
     *
     * @throws IllegalArgumentException when {@code to} is before {@code from}
     */
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the end " + to + " is before the start " + from);
        }
        Duration total = Duration.ZERO;
        Instant cursor = from;
        while (true) {
            Interval interval = nextWorkingInterval(cursor);
            if (!interval.start().isBefore(to)) {
                return total;
            }
            Instant end = interval.end().isBefore(to) ? interval.end() : to;
            total = total.plus(Duration.between(interval.start(), end));
            cursor = interval.end();
        }
    }

    /** For clocks in calendar time (2 h for URGENT): plain elapsed time, working hours do not matter. */
    public Instant addCalendarDuration(Instant start, Duration amount) {
        return start.plus(Objects.requireNonNull(amount, "amount"));
    }

    /** The working period containing {@code from}, cut to begin at it, or else the next one. */
    private Interval nextWorkingInterval(Instant from) {
        // A period ends by midnight at the latest, so none of an earlier local day can still be running.
        LocalDate date = from.atZone(zone).toLocalDate();
        while (true) {
            if (isWorkingDay(date)) {
                for (WorkingPeriod period : workingPeriods) {
                    Instant start = date.atTime(period.start()).atZone(zone).toInstant();
                    Instant end = period.endNanos() == NANOS_PER_DAY ? date.plusDays(1).atStartOfDay(zone).toInstant()
                            : date.atTime(period.end()).atZone(zone).toInstant();
                    // A period wholly inside a daylight-saving gap can come out empty; it holds no working time.
                    if (end.isAfter(from) && end.isAfter(start)) {
                        return new Interval(start.isAfter(from) ? start : from, end);
                    }
                }
            }
            date = date.plusDays(1);
        }
    }

    /** Working time of a working day done before the given local time. */
    private long workedBefore(LocalTime time) {
        long t = time.toNanoOfDay();
        long worked = 0;
        for (WorkingPeriod period : workingPeriods) {
            worked += Math.max(0, Math.min(t, period.endNanos()) - period.startNanos());
        }
        return worked;
    }

    /** The earliest instant of a working day at which {@code position} (> 0) of its working time is done. */
    private Instant instantAt(LocalDate date, long position) {
        long left = position;
        for (WorkingPeriod period : workingPeriods) {
            long length = period.endNanos() - period.startNanos();
            if (left <= length) {
                long nanoOfDay = period.startNanos() + left;
                return nanoOfDay == NANOS_PER_DAY ? date.plusDays(1).atStartOfDay(zone).toInstant()
                        : date.atTime(LocalTime.ofNanoOfDay(nanoOfDay)).atZone(zone).toInstant();
            }
            left -= length;
        }
        throw new IllegalStateException("position " + position + " beyond the working day of " + name);
    }

    private LocalDate plusWorkingDays(LocalDate workingDay, int days) {
        LocalDate date = workingDay;
        for (int i = 0; i < days; i++) {
            date = nextWorkingDay(date);
        }
        return date;
    }

    private LocalDate nextWorkingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    private static void requireNonNegative(Duration amount) {
        if (Objects.requireNonNull(amount, "amount").isNegative()) {
            throw new IllegalArgumentException("a business duration must not be negative: " + amount);
        }
    }

    private String where() {
        return "business calendar '" + name + "': ";
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + name + ", " + zone + ", " + workingPeriods + ", " + workingWeekdays + ", "
                + holidays.size() + " holidays, " + makeUpDays.size() + " make-up days]";
    }

    /** Assembles a calendar; defaults are 09:00–18:00, Monday to Friday, no holidays, no make-up days. */
    public static final class Builder {

        private final String name;
        private final ZoneId zone;
        private final List<WorkingPeriod> periods = new ArrayList<>();
        private final Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
        private final List<LocalDate> holidays = new ArrayList<>();
        private final List<LocalDate> makeUpDays = new ArrayList<>();

        private Builder(String name, ZoneId zone) {
            this.name = name;
            this.zone = zone;
        }

        /** Periods in the form {@code "09:00-12:00"}. */
        public Builder workingPeriods(String... periods) {
            for (String period : periods) {
                this.periods.add(WorkingPeriod.parse(period));
            }
            return this;
        }

        public Builder workingWeekdays(DayOfWeek... weekdays) {
            this.weekdays.addAll(List.of(weekdays));
            return this;
        }

        public Builder holidays(LocalDate... dates) {
            holidays.addAll(List.of(dates));
            return this;
        }

        /** Every date from {@code first} to {@code last}, both included. */
        public Builder holidayRange(LocalDate first, LocalDate last) {
            first.datesUntil(last.plusDays(1)).forEach(holidays::add);
            return this;
        }

        public Builder makeUpDays(LocalDate... dates) {
            makeUpDays.addAll(List.of(dates));
            return this;
        }

        public BusinessCalendar build() {
            List<WorkingPeriod> p = periods.isEmpty() ? List.of(WorkingPeriod.parse("09:00-18:00")) : periods;
            Set<DayOfWeek> w = weekdays.isEmpty() ? EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY) : weekdays;
            return new BusinessCalendar(name, zone, p, w, holidays, makeUpDays);
        }
    }
}
