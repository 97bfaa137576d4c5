package com.complaintengine.command.web;

/** A request field whose value the engine does not accept, for a 400 answer that names it. */
public class InvalidField extends RuntimeException {

    private final String field;

    public InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
