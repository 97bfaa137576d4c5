package com.complaintengine.command.pii;

/** A command carried a national ID or bank card number and the guard is set to refuse; names the field, never the number. */
public class PersonalDataRefused extends RuntimeException {

    private final String field;
    private final PersonalNumberDetector.Kind kind;

    public PersonalDataRefused(String field, PersonalNumberDetector.Kind kind) {
        super(field + " contains a " + kind.code().replace('-', ' ') + " number, which is never stored (001 §1.3)");
        this.field = field;
        this.kind = kind;
    }

    public String field() {
        return field;
    }

    public PersonalNumberDetector.Kind kind() {
        return kind;
    }
}
