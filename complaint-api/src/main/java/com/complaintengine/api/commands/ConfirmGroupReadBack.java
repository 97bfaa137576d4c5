package com.complaintengine.api.commands;

import com.complaintengine.api.values.GroupComplaintId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The record was read back to a representative, who confirmed it (002 "复述给对方确认"). */
public record ConfirmGroupReadBack(@TargetAggregateIdentifier GroupComplaintId groupId, String representative,
                                   String channel) {
}
