package com.complaintengine.api.values;

/** Whether a clock counts every hour (CALENDAR) or only working time of the business calendar (BUSINESS). */
public enum SlaTimeBase {
    CALENDAR,
    BUSINESS
}
