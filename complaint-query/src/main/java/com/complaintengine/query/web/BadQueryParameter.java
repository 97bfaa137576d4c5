package com.complaintengine.query.web;

/** A query parameter that cannot be used: answered 400 naming the parameter, nothing is read. */
public class BadQueryParameter extends RuntimeException {

    private final String parameter;

    public BadQueryParameter(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
