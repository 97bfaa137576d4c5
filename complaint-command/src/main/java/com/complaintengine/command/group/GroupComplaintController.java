package com.complaintengine.command.group;

import com.complaintengine.api.commands.CloseGroupComplaint;
import com.complaintengine.api.commands.CloseGroupIssue;
import com.complaintengine.api.commands.ConfirmGroupReadBack;
import com.complaintengine.api.commands.FormGroupTaskForce;
import com.complaintengine.api.commands.OpenGroupIssue;
import com.complaintengine.api.commands.RecordVerificationSample;
import com.complaintengine.api.commands.RegisterGroupComplaint;
import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.GroupComplaintId;
import com.complaintengine.api.values.Representative;
import com.complaintengine.api.values.SpecialCircumstance;
import com.complaintengine.command.ids.TimeOrderedIds;
import com.complaintengine.command.web.Operator;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The command endpoints of group complaints (002). */
@RestController
@RequestMapping("/api/group-complaints")
class GroupComplaintController {

    private final CommandGateway commandGateway;

    GroupComplaintController(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    record RepresentativeRequest(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 200) String contact) {
    }

    record RegistrationRequest(@NotNull @Size(min = 1, max = 20) List<@NotNull @Valid RepresentativeRequest> representatives,
                               @NotBlank @Size(max = 2000) String coreDemand,
                               @NotNull @Min(2) @Max(1_000_000) Integer headcount,
                               @NotBlank @Size(max = 500) String scope,
                               @NotNull Channel channel,
                               @Size(max = 200) String channelDetail,
                               Set<@NotNull SpecialCircumstance> specialCircumstances) {
    }

    record ReadBackRequest(@NotBlank @Size(max = 100) String representative, @NotBlank @Size(max = 100) String channel) {
    }

    record SampleRequest(@NotBlank @Size(max = 200) String member, @NotBlank @Size(max = 2000) String finding,
                         @NotNull Boolean claimHeld) {
    }

    record IssueRequest(@Size(max = 64) String issueId, @NotBlank @Size(max = 2000) String description,
                        @Size(max = 64) String complaintId) {
    }

    record IssueClosureRequest(@NotBlank @Size(max = 2000) String resolution) {
    }

    record TaskForceRequest(@NotBlank @Size(max = 100) String leader,
                            @NotNull @Size(min = 3, max = 20) List<@NotBlank @Size(max = 100) String> coreMembers,
                            @Size(max = 50) List<@NotBlank @Size(max = 100) String> helpers) {
    }

    record ClosureRequest(@Size(max = 2000) String summary) {
    }

    @PostMapping
    ResponseEntity<Map<String, String>> register(@Valid @RequestBody RegistrationRequest request, Operator operator) {
        GroupComplaintId id = GroupComplaintId.of("G-" + TimeOrderedIds.next());
        commandGateway.sendAndWait(new RegisterGroupComplaint(id,
                request.representatives().stream().map(r -> new Representative(r.name(), r.contact())).toList(),
                request.coreDemand(), request.headcount(), request.scope(), request.channel(), request.channelDetail(),
                request.specialCircumstances()), operator.asMetaData());
        return ResponseEntity.created(URI.create("/api/group-complaints/" + id.value())).body(Map.of("id", id.value()));
    }

    @PostMapping("/{id}/read-back")
    ResponseEntity<Void> readBack(@PathVariable String id, @Valid @RequestBody ReadBackRequest request, Operator operator) {
        return send(new ConfirmGroupReadBack(groupId(id), request.representative(), request.channel()), operator);
    }

    @PostMapping("/{id}/verification-samples")
    ResponseEntity<Void> sample(@PathVariable String id, @Valid @RequestBody SampleRequest request, Operator operator) {
        return send(new RecordVerificationSample(groupId(id), request.member(), request.finding(), request.claimHeld()),
                operator);
    }

    @PostMapping("/{id}/task-force")
    ResponseEntity<Void> taskForce(@PathVariable String id, @Valid @RequestBody TaskForceRequest request, Operator operator) {
        return send(new FormGroupTaskForce(groupId(id), request.leader(), request.coreMembers(), request.helpers()),
                operator);
    }

    @PostMapping("/{id}/issues")
    ResponseEntity<Map<String, String>> openIssue(@PathVariable String id, @Valid @RequestBody IssueRequest request,
                                                  Operator operator) {
        String issueId = request.issueId() == null || request.issueId().isBlank()
                ? "I-" + UUID.randomUUID().toString().substring(0, 8) : request.issueId();
        commandGateway.sendAndWait(new OpenGroupIssue(groupId(id), issueId, request.description(), request.complaintId()),
                operator.asMetaData());
        return ResponseEntity.created(URI.create("/api/group-complaints/" + id + "/issues/" + issueId))
                             .body(Map.of("issueId", issueId));
    }

    @PostMapping("/{id}/issues/{issueId}/closure")
    ResponseEntity<Void> closeIssue(@PathVariable String id, @PathVariable String issueId,
                                    @Valid @RequestBody IssueClosureRequest request, Operator operator) {
        return send(new CloseGroupIssue(groupId(id), issueId, request.resolution()), operator);
    }

    @PostMapping("/{id}/closure")
    ResponseEntity<Void> close(@PathVariable String id, @Valid @RequestBody(required = false) ClosureRequest request,
                               Operator operator) {
        return send(new CloseGroupComplaint(groupId(id), request == null ? null : request.summary()), operator);
    }

    private ResponseEntity<Void> send(Object command, Operator operator) {
        commandGateway.sendAndWait(command, operator.asMetaData());
        return ResponseEntity.noContent().build();
    }

    private static GroupComplaintId groupId(String id) {
        try {
            return GroupComplaintId.of(id);
        } catch (IllegalArgumentException e) {
            throw new AggregateNotFoundException(id, "no group complaint with this id");
        }
    }
}
