package com.complaintengine.query.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a request's query parameters strictly: a parameter the endpoint does not know, an enum value that does
 * not exist, a malformed instant or an out-of-range number is a {@link BadQueryParameter} naming it, so a typo
 * never silently widens a report.
 */
public final class QueryParameters {

    private final Map<String, String> values;
    private final ZoneId zone;

    private QueryParameters(Map<String, String> values, ZoneId zone) {
        this.values = values;
        this.zone = zone;
    }

    /** {@code known} are the parameters the endpoint takes; dates without a time are read in {@code zone}. */
    public static QueryParameters of(Map<String, String> values, ZoneId zone, String... known) {
        Set<String> allowed = Set.of(known);
        for (String name : values.keySet()) {
            if (!allowed.contains(name)) {
                throw new BadQueryParameter(name, "is not a parameter of this endpoint; known: "
                        + Arrays.stream(known).sorted().collect(Collectors.joining(", ")));
            }
        }
        return new QueryParameters(values, zone);
    }

    public String text(String name, int maxLength) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new BadQueryParameter(name, "has at most " + maxLength + " characters");
        }
        return value.strip();
    }

    /** A comma-separated list of names of {@code type}, case-insensitive; empty when absent. */
    public <E extends Enum<E>> Set<E> enums(String name, Class<E> type) {
        String value = text(name, 500);
        Set<E> result = new LinkedHashSet<>();
        if (value == null) {
            return result;
        }
        for (String part : value.split(",")) {
            try {
                result.add(Enum.valueOf(type, part.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new BadQueryParameter(name, "must be one or more (comma-separated) of "
                        + Arrays.toString(type.getEnumConstants()) + ", not '" + part.strip() + "'");
            }
        }
        return result;
    }

    public <E extends Enum<E>> E oneOf(String name, Class<E> type, E defaultValue) {
        Set<E> chosen = enums(name, type);
        if (chosen.size() > 1) {
            throw new BadQueryParameter(name, "takes one value of " + Arrays.toString(type.getEnumConstants()));
        }
        return chosen.isEmpty() ? defaultValue : chosen.iterator().next();
    }

    /** A comma-separated list of free values (department names, types), each stripped; empty when absent. */
    public List<String> list(String name) {
        String value = text(name, 1000);
        return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::strip)
                .filter(part -> !part.isEmpty()).toList();
    }

    /** An ISO-8601 instant ({@code 2026-11-23T08:00:00Z}) or a date ({@code 2026-11-23}, its start in the zone). */
    public Instant instant(String name) {
        String value = text(name, 40);
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(zone).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadQueryParameter(name, "must be an ISO-8601 instant such as 2026-11-23T08:00:00Z or a date "
                    + "such as 2026-11-23");
        }
    }

    public int integer(String name, int defaultValue, int min, int max) {
        String value = text(name, 10);
        if (value == null) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadQueryParameter(name, "must be a whole number from " + min + " to " + max);
    }

    /** Checks that {@code from} is before {@code to} when both are given. */
    public static void period(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadQueryParameter("to", "must be after from");
        }
    }
}
