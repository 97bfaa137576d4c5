package com.complaintengine.command.privacy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A command carried a national ID or bank card number and the guard is set to refuse (001 §1.3). Names
 * each field and the kind of number found in it, never the number itself.
 */
public class PersonalDataRefused extends RuntimeException {

    /** A field of the command, as a path such as {@code customer.name} or {@code coreMembers[1]}, and what was in it. */
    public record Occurrence(String field, PersonalNumberDetector.Kind kind) {
    }

    private final List<Occurrence> occurrences;

    public PersonalDataRefused(List<Occurrence> occurrences) {
        super(describe(occurrences));
        if (occurrences.isEmpty()) {
            throw new IllegalArgumentException("a refusal names at least one field");
        }
        this.occurrences = List.copyOf(occurrences);
    }

    public PersonalDataRefused(String field, PersonalNumberDetector.Kind kind) {
        this(List.of(new Occurrence(field, kind)));
    }

    /** The first field found. */
    public String field() {
        return occurrences.get(0).field();
    }

    /** The kind of number in the first field found. */
    public PersonalNumberDetector.Kind kind() {
        return occurrences.get(0).kind();
    }

    public List<Occurrence> occurrences() {
        return occurrences;
    }

    private static String describe(List<Occurrence> occurrences) {
        return occurrences.stream().map(o -> o.field() + " contains a " + o.kind().description())
                          .collect(Collectors.joining("; ")) + ", which is never stored (001 §1.3)";
    }
}
