package com.complaintengine.server.security;

import java.io.IOException;

/** The request body was larger than the limit; found while reading a body sent without Content-Length. */
public class RequestTooLarge extends IOException {

    RequestTooLarge(long maxBytes) {
        super("the request body is larger than " + maxBytes + " bytes");
    }
}
