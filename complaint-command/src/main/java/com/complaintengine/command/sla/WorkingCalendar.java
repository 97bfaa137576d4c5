package com.complaintengine.command.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Working days of the business calendar: configured weekdays, minus holidays, plus make-up working days
 * (调休, as in China). "N working days" from a moment inside working hours is the same time of day on the Nth
 * following working day; from outside working hours it counts from the start of the next working period,
 * so a complaint received on Friday evening before a holiday is due N working days after the holiday.
 */
public final class WorkingCalendar {

    private final SlaProperties.Calendar calendar;
    private final ZoneId zone;

    public WorkingCalendar(SlaProperties.Calendar calendar) {
        this.calendar = calendar;
        this.zone = ZoneId.of(calendar.zone());
        if (!calendar.workdayStart().isBefore(calendar.workdayEnd())) {
            throw new IllegalArgumentException("complaint.sla.calendar: the working day must start before it ends");
        }
        calendar.holidays().stream().filter(calendar.makeUpDays()::contains).findFirst().ifPresent(date -> {
            throw new IllegalArgumentException("complaint.sla.calendar: " + date + " is both a holiday and a make-up day");
        });
    }

    public boolean isWorkingDay(LocalDate date) {
        if (calendar.makeUpDays().contains(date)) {
            return true;
        }
        return calendar.workingDays().contains(date.getDayOfWeek()) && !calendar.holidays().contains(date);
    }

    public Instant addWorkingDays(Instant start, int days) {
        ZonedDateTime at = start.atZone(zone);
        if (!isWorkingDay(at.toLocalDate()) || !at.toLocalTime().isBefore(calendar.workdayEnd())) {
            at = nextWorkingDay(at.toLocalDate()).atTime(calendar.workdayStart()).atZone(zone);
        } else if (at.toLocalTime().isBefore(calendar.workdayStart())) {
            at = at.toLocalDate().atTime(calendar.workdayStart()).atZone(zone);
        }
        LocalDate date = at.toLocalDate();
        for (int i = 0; i < days; i++) {
            date = nextWorkingDay(date);
        }
        return date.atTime(at.toLocalTime()).atZone(zone).toInstant();
    }

    private LocalDate nextWorkingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }
}
