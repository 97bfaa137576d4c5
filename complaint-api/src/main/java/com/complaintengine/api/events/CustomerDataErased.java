package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.ErasureBasis;
import org.axonframework.serialization.Revision;

/**
 * The personal data of a complaint (the customer's name and contact and every free text that may name a person)
 * was erased: its encryption key is destroyed, so every earlier event reads those fields as erased while every
 * other fact and figure stays. It records why ({@code basis}) and, in its metadata, who; it holds no personal
 * data itself.
 */
@Revision("1")
public record CustomerDataErased(ComplaintId complaintId, ErasureBasis basis) {
}
