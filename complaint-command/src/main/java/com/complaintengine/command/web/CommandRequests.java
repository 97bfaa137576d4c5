package com.complaintengine.command.web;

import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.CommunicationDirection;
import com.complaintengine.api.values.CustomerTier;
import com.complaintengine.api.values.DemandType;
import com.complaintengine.api.values.EscalationLevel;
import com.complaintengine.api.values.EvidenceSource;
import com.complaintengine.api.values.Money;
import com.complaintengine.api.values.RemedyType;
import com.complaintengine.api.values.SpecialCircumstance;
import com.complaintengine.api.values.Urgency;
import com.complaintengine.api.values.WaitingOn;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The JSON bodies of the command endpoints, validated field by field before any command is sent. */
final class CommandRequests {

    private CommandRequests() {
    }

    record ReceiveComplaintRequest(
            @NotNull Channel channel,
            @Size(max = 200) String channelDetail,
            @NotNull @Valid CustomerRequest customer,
            @NotNull Instant occurredAt,
            @NotBlank @Size(max = 4000) String facts,
            @NotBlank @Size(max = 2000) String expectation,
            @NotNull @Valid DemandRequest demand,
            @NotBlank @Size(max = 500) String emotion,
            Set<@NotNull SpecialCircumstance> specialCircumstances,
            @Min(1) @Max(1_000_000) Integer affectedCount) {
    }

    record CustomerRequest(@NotBlank @Size(max = 100) String name,
                           @NotBlank @Size(max = 200) String contact,
                           @NotNull CustomerTier tier) {
    }

    record DemandRequest(@NotNull DemandType type, @Valid AmountRequest amount) {
    }

    record AmountRequest(@NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal value,
                         @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code such as CNY")
                         String currency) {

        Money toMoney() {
            return new Money(value, currency);
        }
    }

    record ClassificationRequest(@NotBlank @Size(max = 50) String type,
                                 @NotBlank @Size(max = 50) String subtype,
                                 @NotNull Urgency urgency,
                                 Boolean personalSafety) {
    }

    record ReclassificationRequest(@NotBlank @Size(max = 50) String type,
                                   @NotBlank @Size(max = 50) String subtype,
                                   @NotNull Urgency urgency,
                                   Boolean personalSafety,
                                   @NotBlank @Size(max = 1000) String reason) {
    }

    record AcknowledgementRequest(@NotBlank @Size(max = 100) String channel,
                                  @NotBlank @Size(max = 2000) String message,
                                  @Size(max = 1000) String promise) {
    }

    record EscalationRequest(@NotNull EscalationLevel level, @NotBlank @Size(max = 1000) String reason) {
    }

    record ResolutionRequest(@NotNull RemedyType remedy,
                             @Valid AmountRequest amount,
                             @NotBlank @Size(max = 4000) String summary) {
    }

    record ArchiveRequest(@Size(max = 1000) String note) {
    }

    record TypicalCaseRequest(@NotBlank @Size(max = 2000) String scenario,
                              @NotBlank @Size(max = 4000) String wording,
                              @Size(max = 10) List<@NotBlank @Size(max = 40) @Pattern(regexp = "[^,]+", message = "must not contain a comma") String> tags) {
    }

    record CommunicationRequest(@NotNull CommunicationDirection direction,
                                @NotBlank @Size(max = 100) String channel,
                                @NotBlank @Size(max = 4000) String content) {
    }

    record EvidenceRequest(@NotNull EvidenceSource source,
                           @NotBlank @Size(max = 1000) String description,
                           @NotBlank @Size(max = 1000) String reference,
                           @NotBlank @Pattern(regexp = "[0-9a-f]{64}", message = "must be the SHA-256 of the content as 64 lower-case hexadecimal characters")
                           String contentHash) {
    }

    record AssignmentRequest(@NotBlank @Size(max = 100) String handler, @NotBlank @Size(max = 100) String department) {
    }

    record ExtensionRequest(@NotBlank @Size(max = 50) String clock,
                            @NotNull Instant newDueAt,
                            @NotBlank @Size(max = 1000) String reason,
                            @NotNull @Valid ConsentRequest consent) {
    }

    record ConsentRequest(@NotBlank @Size(max = 100) String channel, @NotNull Instant givenAt) {
    }

    record TaskForceRequest(@NotBlank @Size(max = 100) String leader,
                            @NotNull @Size(min = 3, max = 20) List<@NotBlank @Size(max = 100) String> coreMembers,
                            @Size(max = 50) List<@NotBlank @Size(max = 100) String> helpers) {
    }

    record OptionsRequest(@NotNull @Size(min = 1, max = 10) List<@NotNull @Valid OptionRequest> options) {
    }

    record OptionRequest(@NotBlank @Size(max = 50) String label,
                         @NotNull RemedyType remedy,
                         @Valid AmountRequest amount,
                         @NotBlank @Size(max = 1000) String description) {
    }

    record ChoiceRequest(@NotBlank @Size(max = 50) String label) {
    }

    record ApprovalRequest(@NotNull @Valid AmountRequest upTo, @Size(max = 1000) String note) {
    }

    record PauseRequest(@NotNull WaitingOn waitingOn, @NotBlank @Size(max = 500) String waitingFor) {
    }

    record ResumeRequest(@Size(max = 1000) String note) {
    }

    record InitialPlanRequest(@NotBlank @Size(max = 4000) String plan) {
    }

    record ConfirmationRequest(@NotNull Boolean satisfied,
                               @Min(1) @Max(5) Integer score,
                               @Size(max = 100) String channel,
                               @Size(max = 2000) String comment) {
    }
}
