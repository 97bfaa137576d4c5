package com.complaintengine.command.complaint;

/** A command the complaint refused by a named rule; no event was written. */
public class ComplaintRefused extends RuntimeException {

    private final Refusal refusal;

    public ComplaintRefused(Refusal refusal) {
        super(refusal.reason());
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
