package com.complaintengine.query.feed;

/** Every allowed event stream is open: answered 503, the client tries again later. */
class StreamsBusy extends RuntimeException {

    StreamsBusy(int bound) {
        super("all " + bound + " event streams are open; try again later or read GET /api/events");
    }
}
