package com.complaintengine.api.events;

import com.complaintengine.api.values.ErasureBasis;
import com.complaintengine.api.values.GroupComplaintId;
import org.axonframework.serialization.Revision;

/**
 * The personal data of a group complaint (representatives' names and contacts, members named in samples and
 * every free text) was erased by destroying its encryption key; headcount, channel and every other fact stay.
 * It records why ({@code basis}) and, in its metadata, who; it holds no personal data itself.
 */
@Revision("1")
public record GroupPersonalDataErased(GroupComplaintId groupId, ErasureBasis basis) {
}
