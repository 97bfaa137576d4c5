package com.complaintengine.command.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintengine.command.sla.calendar.CalendarProperties.Definition;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** complaint.calendars → the BusinessCalendars bean: defaults, lookup by name, and errors that name the entry. */
class BusinessCalendarsTest {

    @Test
    @DisplayName("with nothing configured there is one calendar, 'default': Shanghai, 09:00-18:00, MON-FRI, no holidays")
    void defaults() {
        BusinessCalendars calendars = new BusinessCalendars(CalendarProperties.defaults());

        assertThat(calendars.names()).containsExactly("default");
        BusinessCalendar calendar = calendars.defaultCalendar();
        assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(calendar.workingPeriods()).map(Object::toString).containsExactly("09:00-18:00");
        assertThat(calendar.workingWeekdays()).isEqualTo(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        assertThat(calendar.holidays()).isEmpty();
        assertThat(calendar.makeUpDays()).isEmpty();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-01"))).as("no holidays by default").isTrue();
    }

    @Test
    @DisplayName("a configured calendar is parsed field by field and 'default' stays available beside it")
    void configuredCalendar() {
        Definition store = new Definition(null, List.of("09:00-12:00", "13:30-18:00"),
                List.of("mon", "Tuesday", "WED", "THU", "FRI"), List.of("2026-10-01..2026-10-07", "2026-09-25"),
                List.of("2026-09-20", "2026-10-10"));
        BusinessCalendars calendars = new BusinessCalendars(new CalendarProperties(Map.of("china-store", store)));

        assertThat(calendars.names()).containsExactly("default", "china-store");
        BusinessCalendar calendar = calendars.get("china-store");
        assertThat(calendar.name()).isEqualTo("china-store");
        assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(calendar.workingDayLength()).isEqualTo(Duration.ofMinutes(450));
        assertThat(calendar.holidays()).hasSize(8).contains(LocalDate.parse("2026-10-04"));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
        assertThat(calendars.defaultCalendar().holidays()).isEmpty();
    }

    @Test
    @DisplayName("a configured 'default' replaces the built-in one; an empty entry is a calendar of defaults")
    void configuredDefault() {
        Map<String, Definition> definitions = new HashMap<>();
        definitions.put("default", new Definition("Europe/Berlin", null, null, null, null));
        definitions.put("plain", null);
        BusinessCalendars calendars = new BusinessCalendars(new CalendarProperties(definitions));

        assertThat(calendars.defaultCalendar().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(calendars.get("plain").workingPeriods()).map(Object::toString).containsExactly("09:00-18:00");
    }

    @Test
    @DisplayName("an unknown calendar name is refused with the configured names")
    void unknownName() {
        BusinessCalendars calendars = new BusinessCalendars(CalendarProperties.defaults());

        assertThatThrownBy(() -> calendars.get("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nope'").hasMessageContaining("configured: default");
        assertThat(calendars.contains("nope")).isFalse();
    }

    @Test
    @DisplayName("a wrong entry stops start-up with the property and the entry named")
    void badEntries() {
        assertThatThrownBy(() -> build(new Definition(null, null, null, List.of("2026-10-07..2026-10-01"), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("complaint.calendars.definitions.china.holidays")
                .hasMessageContaining("'2026-10-07..2026-10-01' ends before it starts");
        assertThatThrownBy(() -> build(new Definition(null, null, null, null, List.of("2026-02-30"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("complaint.calendars.definitions.china.make-up-days: '2026-02-30'");
        assertThatThrownBy(() -> build(new Definition("Mars/Olympus", null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("complaint.calendars.definitions.china.zone: 'Mars/Olympus'");
        assertThatThrownBy(() -> build(new Definition(null, List.of("09:00-18:00", "12:00-13:00"), null, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'china'").hasMessageContaining("12:00-13:00 overlaps 09:00-18:00");
        assertThatThrownBy(() -> build(new Definition(null, List.of("18:00-09:00"), null, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("complaint.calendars.definitions.china.working-periods")
                .hasMessageContaining("18:00-09:00");
        assertThatThrownBy(() -> build(new Definition(null, null, List.of("MON", "FUNDAY"), null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("complaint.calendars.definitions.china.working-weekdays: 'FUNDAY'");
        assertThatThrownBy(() -> build(new Definition(null, null, null, List.of("2026-10-01..2026-10-07"),
                List.of("2026-10-05"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-10-05 is both a holiday and a make-up working day");
    }

    private static BusinessCalendars build(Definition china) {
        return new BusinessCalendars(new CalendarProperties(Map.of("china", china)));
    }
}
