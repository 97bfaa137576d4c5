package com.complaintengine.command.sla.calendar;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The configured business calendars by name. Every definition is parsed and validated when this is built, so a
 * wrong calendar stops the server at start-up instead of at the first deadline computed with it.
 */
public final class BusinessCalendars {

    private final Map<String, BusinessCalendar> byName;

    public BusinessCalendars(CalendarProperties properties) {
        Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
        properties.definitions().forEach((name, definition) -> calendars.put(name, definition.toCalendar(name)));
        this.byName = Collections.unmodifiableMap(calendars);
    }

    /**
     * The calendar of that name.
     *
     * @throws IllegalArgumentException naming the unknown calendar and the configured ones
     */
    public BusinessCalendar get(String name) {
        BusinessCalendar calendar = name == null ? null : byName.get(name);
        if (calendar == null) {
            throw new IllegalArgumentException("no business calendar named '" + name + "'; configured: "
                    + String.join(", ", byName.keySet()) + " (complaint.calendars.definitions)");
        }
        return calendar;
    }

    /** The calendar named {@value CalendarProperties#DEFAULT}, which always exists. */
    public BusinessCalendar defaultCalendar() {
        return get(CalendarProperties.DEFAULT);
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    public Set<String> names() {
        return byName.keySet();
    }
}
