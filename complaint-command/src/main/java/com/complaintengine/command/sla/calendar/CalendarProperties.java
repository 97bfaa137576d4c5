package com.complaintengine.command.sla.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The business calendars (DOMAIN.md "Time limits": working days and holidays are configuration), by name under
 * {@code complaint.calendars.definitions}. A calendar named {@value #DEFAULT} always exists: Asia/Shanghai,
 * 09:00–18:00, Monday to Friday, no holidays, unless the configuration defines one by that name. Each value is
 * also defaulted field by field, so a calendar may give only its holidays. An example is in the server's
 * {@code calendars.yml}.
 */
@ConfigurationProperties("complaint.calendars")
public record CalendarProperties(Map<String, Definition> definitions) {

    public static final String DEFAULT = "default";

    private static final String PREFIX = "complaint.calendars.definitions.";

    /**
     * One calendar as written in configuration: {@code zone} (e.g. Asia/Shanghai), {@code working-periods}
     * ("09:00-12:00", "13:30-18:00"), {@code working-weekdays} (MON or MONDAY), {@code holidays} and
     * {@code make-up-days} (dates, or inclusive ranges "2026-10-01..2026-10-07").
     */
    public record Definition(String zone, List<String> workingPeriods, List<String> workingWeekdays,
                             List<String> holidays, List<String> makeUpDays) {

        public Definition {
            zone = zone == null || zone.isBlank() ? "Asia/Shanghai" : zone.trim();
            workingPeriods = workingPeriods == null || workingPeriods.isEmpty() ? List.of("09:00-18:00")
                    : List.copyOf(workingPeriods);
            workingWeekdays = workingWeekdays == null || workingWeekdays.isEmpty()
                    ? List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY") : List.copyOf(workingWeekdays);
            holidays = holidays == null ? List.of() : List.copyOf(holidays);
            makeUpDays = makeUpDays == null ? List.of() : List.copyOf(makeUpDays);
        }

        public static Definition defaults() {
            return new Definition(null, null, null, null, null);
        }

        /**
         * Parses and validates the definition.
         *
         * @throws IllegalArgumentException naming the property and the entry that is wrong
         */
        public BusinessCalendar toCalendar(String name) {
            String at = PREFIX + name + ".";
            ZoneId zoneId;
            try {
                zoneId = ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(at + "zone: '" + zone + "' is not a time zone id", e);
            }
            List<BusinessCalendar.WorkingPeriod> periods = new ArrayList<>();
            for (String period : workingPeriods) {
                try {
                    periods.add(BusinessCalendar.WorkingPeriod.parse(period));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(at + "working-periods: " + e.getMessage(), e);
                }
            }
            Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
            for (String weekday : workingWeekdays) {
                weekdays.add(weekday(at + "working-weekdays", weekday));
            }
            return new BusinessCalendar(name, zoneId, periods, weekdays, dates(at + "holidays", holidays),
                    dates(at + "make-up-days", makeUpDays));
        }

        private static DayOfWeek weekday(String property, String text) {
            String upper = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
            for (DayOfWeek day : DayOfWeek.values()) {
                if (day.name().equals(upper) || (upper.length() == 3 && day.name().startsWith(upper))) {
                    return day;
                }
            }
            throw new IllegalArgumentException(property + ": '" + text + "' is not a weekday (MON or MONDAY)");
        }

        private static List<LocalDate> dates(String property, List<String> entries) {
            List<LocalDate> dates = new ArrayList<>();
            for (String entry : entries) {
                String text = entry == null ? "" : entry.trim();
                int dots = text.indexOf("..");
                try {
                    if (dots < 0) {
                        dates.add(LocalDate.parse(text));
                        continue;
                    }
                    LocalDate first = LocalDate.parse(text.substring(0, dots).trim());
                    LocalDate last = LocalDate.parse(text.substring(dots + 2).trim());
                    if (last.isBefore(first)) {
                        throw new IllegalArgumentException(property + ": '" + entry + "' ends before it starts");
                    }
                    first.datesUntil(last.plusDays(1)).forEach(dates::add);
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException(property + ": '" + entry
                            + "' is not a date (2026-10-01) or a range (2026-10-01..2026-10-07)", e);
                }
            }
            return dates;
        }
    }

    public CalendarProperties {
        Map<String, Definition> all = new LinkedHashMap<>();
        all.put(DEFAULT, Definition.defaults());
        if (definitions != null) {
            definitions.forEach((name, definition) -> {
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException("complaint.calendars.definitions: a calendar needs a name");
                }
                // "china:" with nothing under it is a calendar of defaults, not a missing one.
                all.put(name, definition == null ? Definition.defaults() : definition);
            });
        }
        definitions = Collections.unmodifiableMap(all);
    }

    /** Only the built-in {@value #DEFAULT} calendar, for tests and for a configuration that names none. */
    public static CalendarProperties defaults() {
        return new CalendarProperties(null);
    }
}
