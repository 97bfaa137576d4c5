package com.complaintengine.query.summary;

import java.util.Collection;

/**
 * Reads the personal-data keys of many complaints (or group complaints) in one go, for the events of theirs about to be
 * deserialized in the current unit of work, instead of one key read per complaint as its first event is read
 * (issue 9: a rebuild reads a thousand events of some three hundred complaints at a time). Implemented by the
 * server's event serializer's key table; without one, nothing is read ahead.
 */
@FunctionalInterface
public interface PersonalDataReadAhead {

    /** Makes the keys of {@code subjects} known to the current unit of work; does nothing outside one. */
    void prepare(Collection<String> subjects);
}
