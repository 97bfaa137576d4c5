package com.complaintengine.command.intake;

/** An {@code Idempotency-Key} came back with a different request body than the one it first stood for. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String key) {
        super("Idempotency-Key '" + key + "' was already used for a different request body");
    }
}
