package com.complaintengine.server.personal;

import com.complaintengine.api.events.CommunicationRecorded;
import com.complaintengine.api.events.ComplaintAcknowledged;
import com.complaintengine.api.events.ComplaintArchived;
import com.complaintengine.api.events.ComplaintClassified;
import com.complaintengine.api.events.ComplaintEscalated;
import com.complaintengine.api.events.ComplaintMarkedTypical;
import com.complaintengine.api.events.ComplaintReceived;
import com.complaintengine.api.events.ComplaintReclassified;
import com.complaintengine.api.events.ComplaintReopened;
import com.complaintengine.api.events.ComplaintResolved;
import com.complaintengine.api.events.DeadlineExtended;
import com.complaintengine.api.events.EvidenceAdded;
import com.complaintengine.api.events.GroupComplaintClosed;
import com.complaintengine.api.events.GroupComplaintEscalated;
import com.complaintengine.api.events.GroupComplaintRegistered;
import com.complaintengine.api.events.GroupIssueClosed;
import com.complaintengine.api.events.GroupIssueOpened;
import com.complaintengine.api.events.GroupReadBackConfirmed;
import com.complaintengine.api.events.GroupTaskForceFormed;
import com.complaintengine.api.events.HandlerAssigned;
import com.complaintengine.api.events.InitialPlanRecorded;
import com.complaintengine.api.events.OutcomeConfirmed;
import com.complaintengine.api.events.RemedyApproved;
import com.complaintengine.api.events.RemedyChosen;
import com.complaintengine.api.events.RemedyOptionsOffered;
import com.complaintengine.api.events.SlaClockPaused;
import com.complaintengine.api.events.SlaClockRescheduled;
import com.complaintengine.api.events.SlaClockResumed;
import com.complaintengine.api.events.SlaClockStarted;
import com.complaintengine.api.events.SlaClockStopped;
import com.complaintengine.api.events.TaskForceFormed;
import com.complaintengine.api.events.VerificationSampleRecorded;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * THE classification of every text field of every event (issue 7): personal (a name, a contact, or free text that
 * may name a person; encrypted with the case's key and erasable) or not (codes, rule names, staff names, system
 * reasons; kept in clear text for ever). {@code PersonalFieldsTest} requires every text field of every event record
 * in complaint-api to be named here exactly once, so a new event or field cannot slip through unclassified.
 *
 * <p>A path names a field of the event's JSON: {@code customer.name} a nested field, {@code representatives[].name}
 * the field of every element of a list, {@code tags} a list of texts as a whole.
 */
public final class PersonalFields {

    /** One personal field: its path, and whether it is a list of texts (erased as {@code ["[erased]"]}). */
    public record Path(String path, boolean list) {
    }

    /**
     * The aggregate whose state is snapshotted (issue 9), by name: it is package-private in complaint-command. Its
     * snapshot goes through the same serializer as events, so these paths (in its fields' JSON) are encrypted with the
     * complaint's key and read as erased after an erasure, exactly like the events they came from.
     */
    public static final String COMPLAINT_AGGREGATE = "com.complaintengine.command.complaint.Complaint";

    private static final Map<Class<?>, List<Path>> PERSONAL = new HashMap<>();
    private static final Map<Class<?>, Set<String>> NOT_PERSONAL = new HashMap<>();
    private static final Map<String, List<Path>> PERSONAL_STATE = new HashMap<>();
    private static final Map<String, Set<String>> NOT_PERSONAL_STATE = new HashMap<>();

    static {
        personal(ComplaintReceived.class, "channelDetail", "customer.name", "customer.contact", "facts", "expectation",
                "emotion");
        // The suggestion's reasons name the configured keyword rules that matched, never the customer's words.
        notPersonal(ComplaintReceived.class, "demand.amount.currency", "suggestedClassification.type",
                "suggestedClassification.subtype", "suggestedClassification.reasons");
        personal(ComplaintAcknowledged.class, "message", "promise");
        notPersonal(ComplaintAcknowledged.class, "channel");
        personal(CommunicationRecorded.class, "content");
        notPersonal(CommunicationRecorded.class, "channel");
        personal(ComplaintArchived.class, "note");
        notPersonal(ComplaintClassified.class, "type", "subtype", "tag", "routing.primaryDepartment",
                "routing.cooperatingDepartments", "routing.gatekeeper", "routing.decisionAuthority", "routing.matrixVersion");
        personal(ComplaintReclassified.class, "reason");
        notPersonal(ComplaintReclassified.class, "type", "subtype", "tag", "routing.primaryDepartment",
                "routing.cooperatingDepartments", "routing.gatekeeper", "routing.decisionAuthority", "routing.matrixVersion");
        // Trigger and rules are codes (MANUAL/AUTOMATIC, rule names); the reason is a person's words.
        personal(ComplaintEscalated.class, "reason");
        notPersonal(ComplaintEscalated.class, "trigger", "rules");
        personalLists(ComplaintMarkedTypical.class, "tags");
        personal(ComplaintMarkedTypical.class, "scenario", "wording");
        notPersonal(ComplaintMarkedTypical.class, "type", "subtype", "amount.currency");
        personal(ComplaintReopened.class, "concerns");
        personal(ComplaintResolved.class, "summary");
        notPersonal(ComplaintResolved.class, "amount.currency");
        personal(DeadlineExtended.class, "reason");
        notPersonal(DeadlineExtended.class, "clock", "consent.channel");
        personal(EvidenceAdded.class, "description", "reference");
        notPersonal(EvidenceAdded.class, "contentHash", "hashAlgorithm");
        personal(GroupComplaintRegistered.class, "representatives[].name", "representatives[].contact", "coreDemand",
                "scope", "channelDetail");
        personal(GroupComplaintClosed.class, "summary");
        personal(GroupComplaintEscalated.class, "reason");
        notPersonal(GroupComplaintEscalated.class, "trigger", "rules");
        personal(GroupIssueOpened.class, "description");
        notPersonal(GroupIssueOpened.class, "issueId", "complaintId");
        personal(GroupIssueClosed.class, "resolution");
        notPersonal(GroupIssueClosed.class, "issueId");
        personal(GroupReadBackConfirmed.class, "representative");
        notPersonal(GroupReadBackConfirmed.class, "channel");
        // Task forces and handlers are staff acting in their role, not the customer whose data is erased.
        notPersonal(GroupTaskForceFormed.class, "leader", "coreMembers", "helpers");
        notPersonal(TaskForceFormed.class, "leader", "coreMembers", "helpers");
        notPersonal(HandlerAssigned.class, "handler", "department", "previousHandler");
        personal(InitialPlanRecorded.class, "plan");
        personal(OutcomeConfirmed.class, "comment");
        notPersonal(OutcomeConfirmed.class, "channel");
        personal(RemedyApproved.class, "note");
        notPersonal(RemedyApproved.class, "upTo.currency");
        personal(RemedyChosen.class, "option.description");
        notPersonal(RemedyChosen.class, "option.label", "option.amount.currency");
        personal(RemedyOptionsOffered.class, "options[].description");
        notPersonal(RemedyOptionsOffered.class, "options[].label", "options[].amount.currency");
        personal(SlaClockPaused.class, "waitingFor");
        personal(SlaClockResumed.class, "note");
        // Written by the engine ("extension: ...", "policy ..."), read by the summary fold: never a person's words.
        notPersonal(SlaClockRescheduled.class, "reason", "policyVersion");
        notPersonal(SlaClockStarted.class, "policyVersion");
        notPersonal(SlaClockStopped.class, "reason");
        personal(VerificationSampleRecorded.class, "member", "finding");

        // The complaint's state as its snapshot holds it: the offered options' descriptions come from
        // RemedyOptionsOffered / RemedyChosen (personal there); codes, staff names and engine-written texts do not.
        PERSONAL_STATE.put(COMPLAINT_AGGREGATE, List.of(new Path("offered[].description", false),
                new Path("chosen.description", false)));
        NOT_PERSONAL_STATE.put(COMPLAINT_AGGREGATE, Set.of("type", "subtype", "handler", "assignedDepartment",
                "suggested.type", "suggested.subtype", "suggested.reasons", "routing.primaryDepartment",
                "routing.cooperatingDepartments", "routing.gatekeeper", "routing.decisionAuthority", "routing.matrixVersion",
                "offered[].label", "offered[].amount.currency", "chosen.label", "chosen.amount.currency",
                "amount.currency", "approvedUpTo.currency", "clocks{}.policyVersion"));
    }

    private PersonalFields() {
    }

    /** The personal fields of an event type, or of a snapshotted aggregate's state; empty when it has none. */
    public static List<Path> of(Class<?> eventType) {
        List<Path> paths = PERSONAL.get(eventType);
        return paths != null ? paths : PERSONAL_STATE.getOrDefault(eventType.getName(), List.of());
    }

    /** Every text path of a snapshotted aggregate's state that is classified, personal or not (for its test). */
    static Set<String> classifiedState(String aggregateType) {
        Set<String> all = new java.util.HashSet<>(NOT_PERSONAL_STATE.getOrDefault(aggregateType, Set.of()));
        PERSONAL_STATE.getOrDefault(aggregateType, List.of()).forEach(p -> all.add(p.path()));
        return all;
    }

    /** Every text path of an event type that is classified, personal or not (for the completeness test). */
    static Set<String> classified(Class<?> eventType) {
        Set<String> all = new java.util.HashSet<>(NOT_PERSONAL.getOrDefault(eventType, Set.of()));
        of(eventType).forEach(p -> all.add(p.path()));
        return all;
    }

    /** Paths named both personal and not personal: a contradiction the test refuses. */
    static Set<String> contradictions(Class<?> eventType) {
        Set<String> both = new java.util.HashSet<>(NOT_PERSONAL.getOrDefault(eventType, Set.of()));
        both.retainAll(of(eventType).stream().map(Path::path).toList());
        return both;
    }

    private static void personal(Class<?> type, String... paths) {
        for (String path : paths) {
            PERSONAL.computeIfAbsent(type, t -> new java.util.ArrayList<>()).add(new Path(path, false));
        }
    }

    private static void personalLists(Class<?> type, String... paths) {
        for (String path : paths) {
            PERSONAL.computeIfAbsent(type, t -> new java.util.ArrayList<>()).add(new Path(path, true));
        }
    }

    private static void notPersonal(Class<?> type, String... paths) {
        NOT_PERSONAL.computeIfAbsent(type, t -> new java.util.HashSet<>()).addAll(List.of(paths));
    }
}
