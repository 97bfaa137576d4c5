package com.complaintengine.query.library;

import com.complaintengine.api.events.ComplaintMarkedTypical;
import com.complaintengine.api.events.CustomerDataErased;
import com.complaintengine.api.values.ErasedMarker;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code case_library} from {@link ComplaintMarkedTypical}: the latest marking of a case wins. */
@Component
@ProcessingGroup(CaseLibraryProjection.PROCESSING_GROUP)
public class CaseLibraryProjection {

    public static final String PROCESSING_GROUP = "case-library";

    private final JdbcTemplate jdbc;

    CaseLibraryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ComplaintMarkedTypical event, DomainEventMessage<?> message) {
        Object operator = message.getMetaData().get("operator");
        jdbc.update("""
                insert into case_library (complaint_id, type, subtype, scenario, remedy, amount, currency, wording, tags,
                                          marked_by, marked_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (complaint_id) do update
                   set type = excluded.type, subtype = excluded.subtype, scenario = excluded.scenario,
                       remedy = excluded.remedy, amount = excluded.amount, currency = excluded.currency,
                       wording = excluded.wording, tags = excluded.tags, marked_by = excluded.marked_by,
                       marked_at = excluded.marked_at, version = excluded.version
                 where case_library.version < excluded.version""",
                event.complaintId().value(), event.type(), event.subtype(), event.scenario(),
                event.remedy() == null ? null : event.remedy().name(),
                event.amount() == null ? null : event.amount().value(),
                event.amount() == null ? null : event.amount().currency(), event.wording(),
                String.join(",", event.tags()), operator == null ? null : operator.toString(),
                java.sql.Timestamp.from(occurredAt(message)), message.getSequenceNumber());
    }

    /** Issue 7: the scenario, wording and tags may name the customer; the case stays in the library without them. */
    @EventHandler
    void on(CustomerDataErased event, DomainEventMessage<?> message) {
        jdbc.update("update case_library set scenario = ?, wording = ?, tags = ? where complaint_id = ?",
                ErasedMarker.ERASED, ErasedMarker.ERASED, ErasedMarker.ERASED, event.complaintId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from case_library");
    }

    private static java.time.Instant occurredAt(DomainEventMessage<?> message) {
        Object occurredAt = message.getMetaData().get("occurredAt");
        return occurredAt == null ? message.getTimestamp() : java.time.Instant.parse(occurredAt.toString());
    }
}
