package com.complaintengine.api.values;

/** Circumstances that change how a complaint is handled (001, 002 §1.2). */
public enum SpecialCircumstance {
    ELDERLY,
    PREGNANT,
    MINOR,
    MEDIA_PRESENT,
    EXPOSURE_THREAT,
    REGULATOR_THREAT
}
