package com.complaintengine.api.values;

/** A representative of a group complaint; the contact is for official communication only (002 §1.2). */
public record Representative(String name, String contact) {
}
