package com.complaintengine.api.commands;

import com.complaintengine.api.values.CommunicationDirection;
import com.complaintengine.api.values.ComplaintId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Log a communication about the complaint: a progress update to the customer, a note, or a customer message. */
public record RecordCommunication(@TargetAggregateIdentifier ComplaintId complaintId,
                                  CommunicationDirection direction,
                                  String channel,
                                  String content) {
}
