package com.complaintengine.server.personal;

import com.complaintengine.api.commands.EraseCustomerData;
import com.complaintengine.api.commands.EraseGroupPersonalData;
import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.ErasureBasis;
import com.complaintengine.api.values.GroupComplaintId;
import com.complaintengine.api.values.MetaDataKeys;
import com.complaintengine.command.complaint.ComplaintRefused;
import com.complaintengine.command.complaint.Refusal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erasure (issue 7): the erasure event and the destruction of the case's key in ONE transaction, so there is never
 * an erasure on record with a live key, nor a destroyed key without the event that says who and why.
 */
public class Erasures {

    private static final Logger log = LoggerFactory.getLogger(Erasures.class);

    private final CommandGateway commands;
    private final PersonalDataKeys keys;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    public Erasures(CommandGateway commands, PersonalDataKeys keys, TransactionTemplate transactions, JdbcTemplate jdbc) {
        this.commands = commands;
        this.keys = keys;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    public void eraseComplaint(String complaintId, ErasureBasis basis, MetaData operator) {
        transactions.executeWithoutResult(status -> {
            commands.sendAndWait(new EraseCustomerData(ComplaintId.of(complaintId), basis), operator);
            keys.destroy(complaintId);
        });
    }

    public void eraseGroup(String groupId, ErasureBasis basis, MetaData operator) {
        transactions.executeWithoutResult(status -> {
            commands.sendAndWait(new EraseGroupPersonalData(GroupComplaintId.of(groupId), basis), operator);
            keys.destroy(groupId);
        });
    }

    /** Every not yet erased complaint of the customer with this contact; the ids erased. */
    public List<String> eraseCustomer(String contact, MetaData operator) {
        List<String> erased = new ArrayList<>();
        for (String subject : keys.subjectsWithContact(contact)) {
            eraseComplaint(subject, ErasureBasis.REQUEST, operator);
            erased.add(subject);
        }
        return erased;
    }

    /**
     * The retention job's work: archived complaints whose {@code retainUntil} (recorded when archived) has passed,
     * by the summary projection; each erased with basis RETENTION by the operator {@code system}. One failure does
     * not stop the others; the next run retries it.
     */
    public int eraseExpired(Instant now) {
        List<String> due = jdbc.queryForList("""
                select complaint_id from complaint_summary
                 where status = 'ARCHIVED'
                   and (document ->> 'retainUntil')::timestamptz <= ?
                   and coalesce((document ->> 'personalDataErased')::boolean, false) = false
                 order by complaint_id""", String.class, java.sql.Timestamp.from(now));
        int erased = 0;
        for (String complaintId : due) {
            try {
                eraseComplaint(complaintId, ErasureBasis.RETENTION,
                        MetaData.with(MetaDataKeys.OPERATOR, "system"));
                erased++;
            } catch (ComplaintRefused refused) {
                if (refused.refusal() != Refusal.ALREADY_ERASED) {
                    log.warn("retention erasure of {} refused: {}", complaintId, refused.refusal().code());
                }
            } catch (RuntimeException e) {
                log.warn("retention erasure of {} failed; retried at the next run", complaintId, e);
            }
        }
        return erased;
    }
}
