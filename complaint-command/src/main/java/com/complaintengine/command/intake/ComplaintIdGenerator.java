package com.complaintengine.command.intake;

import com.complaintengine.api.values.ComplaintId;

/** Chooses the id of a new complaint; injected so tests can name their ids. */
@FunctionalInterface
public interface ComplaintIdGenerator {

    ComplaintId next();
}
