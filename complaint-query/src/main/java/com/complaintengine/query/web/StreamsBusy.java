package com.complaintengine.query.web;

/** Every allowed stream of one kind is open: answered 503, the client tries again later. */
public class StreamsBusy extends RuntimeException {

    StreamsBusy(String what, int bound) {
        super("all " + bound + " " + what + " are open; try again later");
    }
}
