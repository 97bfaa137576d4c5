package com.complaintengine.command.web;

import com.complaintengine.api.commands.AcknowledgeComplaint;
import com.complaintengine.api.commands.ArchiveComplaint;
import com.complaintengine.api.commands.MarkTypicalCase;
import com.complaintengine.api.commands.ClassifyComplaint;
import com.complaintengine.api.commands.EscalateComplaint;
import com.complaintengine.api.commands.ReceiveComplaint;
import com.complaintengine.api.commands.ReclassifyComplaint;
import com.complaintengine.api.commands.ResolveComplaint;
import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.Customer;
import com.complaintengine.api.values.Demand;
import com.complaintengine.api.values.DemandType;
import com.complaintengine.command.classification.Taxonomy;
import com.complaintengine.command.classification.suggest.ClassificationSuggester;
import com.complaintengine.command.intake.Intake;
import com.complaintengine.api.commands.AddEvidence;
import com.complaintengine.api.commands.AssignHandler;
import com.complaintengine.api.commands.ConfirmOutcome;
import com.complaintengine.api.commands.ExtendDeadline;
import com.complaintengine.api.commands.FormTaskForce;
import com.complaintengine.api.commands.RecordCommunication;
import com.complaintengine.api.commands.ApproveRemedy;
import com.complaintengine.api.commands.OfferRemedyOptions;
import com.complaintengine.api.commands.RecordRemedyChoice;
import com.complaintengine.api.commands.PauseResolutionClock;
import com.complaintengine.api.commands.RecordInitialPlan;
import com.complaintengine.api.commands.ResumeResolutionClock;
import com.complaintengine.api.values.CustomerConsent;
import com.complaintengine.command.web.CommandRequests.InitialPlanRequest;
import com.complaintengine.command.web.CommandRequests.PauseRequest;
import com.complaintengine.command.web.CommandRequests.ResumeRequest;
import com.complaintengine.api.values.RemedyOption;
import com.complaintengine.command.web.CommandRequests.ApprovalRequest;
import com.complaintengine.command.web.CommandRequests.ChoiceRequest;
import com.complaintengine.command.web.CommandRequests.OptionsRequest;
import com.complaintengine.command.web.CommandRequests.AcknowledgementRequest;
import com.complaintengine.command.web.CommandRequests.AssignmentRequest;
import com.complaintengine.command.web.CommandRequests.CommunicationRequest;
import com.complaintengine.command.web.CommandRequests.ConfirmationRequest;
import com.complaintengine.command.web.CommandRequests.EvidenceRequest;
import com.complaintengine.command.web.CommandRequests.ExtensionRequest;
import com.complaintengine.command.web.CommandRequests.TaskForceRequest;
import com.complaintengine.command.web.CommandRequests.AmountRequest;
import com.complaintengine.command.web.CommandRequests.ArchiveRequest;
import com.complaintengine.command.web.CommandRequests.TypicalCaseRequest;
import com.complaintengine.command.web.CommandRequests.ClassificationRequest;
import com.complaintengine.command.web.CommandRequests.EscalationRequest;
import com.complaintengine.command.web.CommandRequests.ReceiveComplaintRequest;
import com.complaintengine.command.web.CommandRequests.ReclassificationRequest;
import com.complaintengine.command.web.CommandRequests.ResolutionRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The command endpoints of the complaint lifecycle. Each answers once the event is stored. */
@RestController
@RequestMapping("/api/complaints")
class ComplaintCommandController {

    /** Clock skew tolerated between the agent's device and the server for "when it happened". */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final Intake intake;
    private final CommandGateway commandGateway;
    private final Taxonomy taxonomy;
    private final ClassificationSuggester suggester;
    private final Clock clock;

    ComplaintCommandController(Intake intake, CommandGateway commandGateway, Taxonomy taxonomy,
                               ClassificationSuggester suggester, Clock clock) {
        this.intake = intake;
        this.commandGateway = commandGateway;
        this.taxonomy = taxonomy;
        this.suggester = suggester;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> receive(@Valid @RequestBody ReceiveComplaintRequest request,
                                                @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                Operator operator) {
        if (request.occurredAt().isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
            throw new InvalidField("occurredAt", "lies in the future");
        }
        if (key != null && (key.isBlank() || key.length() > 200)) {
            throw new InvalidField("Idempotency-Key", "has 1 to 200 characters");
        }
        AmountRequest amount = request.demand().amount();
        if (amount == null && (request.demand().type() == DemandType.REFUND || request.demand().type() == DemandType.COMPENSATION)) {
            throw new InvalidField("demand.amount", "is required for a refund or compensation");
        }
        Intake.Outcome outcome = intake.receive(key, request.toString(), id -> new ReceiveComplaint(id,
                        request.channel(), request.channelDetail(),
                        new Customer(request.customer().name(), request.customer().contact(), request.customer().tier()),
                        request.occurredAt(), request.facts(), request.expectation(),
                        new Demand(request.demand().type(), amount == null ? null : amount.toMoney()),
                        request.emotion(), request.specialCircumstances(),
                        request.affectedCount() == null ? 1 : request.affectedCount(),
                        suggester.suggest(request.facts(), request.expectation(), request.channelDetail())),
                operator.asMetaData());
        return ResponseEntity.created(URI.create("/api/complaints/" + outcome.id().value()))
                             .header("Idempotent-Replayed", Boolean.toString(outcome.replayed()))
                             .body(Map.of("id", outcome.id().value()));
    }

    @PostMapping("/{id}/classification")
    ResponseEntity<Void> classify(@PathVariable String id, @Valid @RequestBody ClassificationRequest request,
                                  Operator operator) {
        String type = known(request.type(), request.subtype());
        return send(new ClassifyComplaint(complaintId(id), type, upper(request.subtype()), request.urgency(),
                Boolean.TRUE.equals(request.personalSafety())), operator);
    }

    @PostMapping("/{id}/reclassification")
    ResponseEntity<Void> reclassify(@PathVariable String id, @Valid @RequestBody ReclassificationRequest request,
                                    Operator operator) {
        String type = known(request.type(), request.subtype());
        return send(new ReclassifyComplaint(complaintId(id), type, upper(request.subtype()), request.urgency(),
                Boolean.TRUE.equals(request.personalSafety()), request.reason()), operator);
    }

    @PostMapping("/{id}/acknowledgement")
    ResponseEntity<Void> acknowledge(@PathVariable String id, @Valid @RequestBody AcknowledgementRequest request,
                                     Operator operator) {
        return send(new AcknowledgeComplaint(complaintId(id), request.channel(), request.message(), request.promise()),
                operator);
    }

    @PostMapping("/{id}/escalations")
    ResponseEntity<Void> escalate(@PathVariable String id, @Valid @RequestBody EscalationRequest request,
                                  Operator operator) {
        return send(new EscalateComplaint(complaintId(id), request.level(), request.reason()), operator);
    }

    @PostMapping("/{id}/resolution")
    ResponseEntity<Void> resolve(@PathVariable String id, @Valid @RequestBody ResolutionRequest request,
                                 Operator operator) {
        AmountRequest amount = request.amount();
        return send(new ResolveComplaint(complaintId(id), request.remedy(),
                amount == null ? null : amount.toMoney(), request.summary()), operator);
    }

    @PostMapping("/{id}/archive")
    ResponseEntity<Void> archive(@PathVariable String id,
                                 @Valid @RequestBody(required = false) ArchiveRequest request, Operator operator) {
        return send(new ArchiveComplaint(complaintId(id), request == null ? null : request.note()), operator);
    }

    /** Into the case library (004 §5): a resolved case as a typical one, with scenario, wording and tags. */
    @PostMapping("/{id}/typical-case")
    ResponseEntity<Void> markTypical(@PathVariable String id, @Valid @RequestBody TypicalCaseRequest request,
                                     Operator operator) {
        return send(new MarkTypicalCase(complaintId(id), request.scenario(), request.wording(), request.tags()),
                operator);
    }

    @PostMapping("/{id}/communications")
    ResponseEntity<Void> communicate(@PathVariable String id, @Valid @RequestBody CommunicationRequest request,
                                     Operator operator) {
        return send(new RecordCommunication(complaintId(id), request.direction(), request.channel(), request.content()),
                operator);
    }

    @PostMapping("/{id}/evidence")
    ResponseEntity<Void> addEvidence(@PathVariable String id, @Valid @RequestBody EvidenceRequest request,
                                     Operator operator) {
        return send(new AddEvidence(complaintId(id), request.source(), request.description(), request.reference(),
                request.contentHash()), operator);
    }

    @PostMapping("/{id}/assignment")
    ResponseEntity<Void> assign(@PathVariable String id, @Valid @RequestBody AssignmentRequest request,
                                Operator operator) {
        return send(new AssignHandler(complaintId(id), request.handler(), request.department()), operator);
    }

    @PostMapping("/{id}/extensions")
    ResponseEntity<Void> extend(@PathVariable String id, @Valid @RequestBody ExtensionRequest request,
                                Operator operator) {
        return send(new ExtendDeadline(complaintId(id), request.clock(), request.newDueAt(), request.reason(),
                new CustomerConsent(request.consent().channel(), request.consent().givenAt())), operator);
    }

    @PostMapping("/{id}/task-force")
    ResponseEntity<Void> formTaskForce(@PathVariable String id, @Valid @RequestBody TaskForceRequest request,
                                       Operator operator) {
        return send(new FormTaskForce(complaintId(id), request.leader(), request.coreMembers(), request.helpers()),
                operator);
    }

    @PostMapping("/{id}/remedy-options")
    ResponseEntity<Void> offer(@PathVariable String id, @Valid @RequestBody OptionsRequest request, Operator operator) {
        List<RemedyOption> options = request.options().stream().map(o -> new RemedyOption(o.label(), o.remedy(),
                o.amount() == null ? null : o.amount().toMoney(), o.description())).toList();
        return send(new OfferRemedyOptions(complaintId(id), options), operator);
    }

    @PostMapping("/{id}/remedy-choice")
    ResponseEntity<Void> choose(@PathVariable String id, @Valid @RequestBody ChoiceRequest request, Operator operator) {
        return send(new RecordRemedyChoice(complaintId(id), request.label()), operator);
    }

    @PostMapping("/{id}/remedy-approvals")
    ResponseEntity<Void> approve(@PathVariable String id, @Valid @RequestBody ApprovalRequest request, Operator operator) {
        return send(new ApproveRemedy(complaintId(id), request.upTo().toMoney(), request.note()), operator);
    }

    @PostMapping("/{id}/initial-plan")
    ResponseEntity<Void> initialPlan(@PathVariable String id, @Valid @RequestBody InitialPlanRequest request,
                                     Operator operator) {
        return send(new RecordInitialPlan(complaintId(id), request.plan()), operator);
    }

    @PostMapping("/{id}/resolution-clock/pause")
    ResponseEntity<Void> pause(@PathVariable String id, @Valid @RequestBody PauseRequest request, Operator operator) {
        return send(new PauseResolutionClock(complaintId(id), request.waitingOn(), request.waitingFor()), operator);
    }

    @PostMapping("/{id}/resolution-clock/resume")
    ResponseEntity<Void> resume(@PathVariable String id, @Valid @RequestBody(required = false) ResumeRequest request,
                                Operator operator) {
        return send(new ResumeResolutionClock(complaintId(id), request == null ? null : request.note()), operator);
    }

    @PostMapping("/{id}/confirmation")
    ResponseEntity<Void> confirm(@PathVariable String id, @Valid @RequestBody ConfirmationRequest request,
                                 Operator operator) {
        return send(new ConfirmOutcome(complaintId(id), request.satisfied(), request.score(), request.channel(),
                request.comment()), operator);
    }

    private ResponseEntity<Void> send(Object command, Operator operator) {
        commandGateway.sendAndWait(command, operator.asMetaData());
        return ResponseEntity.noContent().build();
    }

    /** The type in its canonical upper case, after checking type and subtype against the taxonomy. */
    private String known(String type, String subtype) {
        String canonicalType = upper(type);
        List<String> subtypes = taxonomy.subtypesOf(canonicalType).orElseThrow(() ->
                new InvalidField("type", "is not one of " + taxonomy.types()));
        if (!subtypes.contains(upper(subtype))) {
            throw new InvalidField("subtype", "is not one of " + subtypes + " for type " + canonicalType);
        }
        return canonicalType;
    }

    private static String upper(String name) {
        return name.strip().toUpperCase(Locale.ROOT);
    }

    /** An id that cannot exist is answered like an unknown one. */
    private static ComplaintId complaintId(String id) {
        try {
            return ComplaintId.of(id);
        } catch (IllegalArgumentException e) {
            throw new AggregateNotFoundException(id, "no complaint with this id");
        }
    }
}
