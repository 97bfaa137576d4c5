package com.complaintengine.api.values;

/**
 * Why personal data was erased: at the person's {@code REQUEST} (right to deletion), or because an archived
 * case's {@code RETENTION} period (001 §2.4) ran out.
 */
public enum ErasureBasis { REQUEST, RETENTION }
