package com.complaintengine.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Fills the summary projection ({@code complaint_summary}) to a given number of complaints, for the dashboard and
 * search figures, in SQL: rows {@code bench-N} whose document is a stored summary's (its id and facts replaced) and
 * whose columns follow these distributions: received over the last 365 days, weighted to the recent (age = 365 days
 * × r², r uniform); a complaint older than 30 days is closed (RESOLVED 15%, CONFIRMED 60%, ARCHIVED 25%) with
 * probability 0.95, a younger one is open (RECEIVED, CLASSIFIED, ACKNOWLEDGED, IN_HANDLING) with probability 0.8;
 * type PRODUCT 45%, SERVICE 25%, DELIVERY 20%, OTHER 10% with the routing matrix's department; urgency URGENT 5%,
 * MAJOR 20%, GENERAL 75% (none while RECEIVED); channels uniform; open cases' SLA RUNNING 70%, AT_RISK 15%,
 * BREACHED 10%, PAUSED 5%, closed ones MET 90%, BREACHED 10%; one of 8 handlers per department; 2% escalated;
 * 3% part of a group case; facts one of six phrases with a number. A later rebuild of the projection deletes them.
 */
final class SummarySeeder {

    private static final String INSERT = """
            insert into complaint_summary (complaint_id, version, status, urgency, type, subtype, primary_department,
                    channel, handler, handling_department, escalation_level, escalation_count, sla_state, next_due_at,
                    group_id, affected_count, first_response_at, resolved_at, reopen_count, extension_count, satisfied,
                    score, received_at, updated_at, document)
            select 'bench-' || g, 2 + (g % 17), x.status,
                   case when x.status = 'RECEIVED' then null when x.r3 < 0.05 then 'URGENT' when x.r3 < 0.25 then 'MAJOR'
                        else 'GENERAL' end,
                   case when x.status = 'RECEIVED' then null else x.type end,
                   case when x.status = 'RECEIVED' then null else x.subtype end,
                   case when x.status = 'RECEIVED' then null else x.department end,
                   (array['STORE_COUNTER','SERVICE_WINDOW','WEBSITE','APP','SOCIAL_MEDIA','HOTLINE'])[1 + g % 6],
                   case when x.status in ('RECEIVED', 'CLASSIFIED') then null else x.department || '-handler-' || (g % 8) end,
                   case when x.status in ('RECEIVED', 'CLASSIFIED') then null else x.department end,
                   case when g % 50 = 0 then 'MAJOR' end, case when g % 50 = 0 then 1 else 0 end,
                   x.sla_state,
                   case when x.open then x.received_at + interval '5 days' end,
                   case when g % 33 = 0 then 'bench-group-' || (g % 400) end,
                   case when g % 33 = 0 then 20 else 1 end,
                   x.received_at + interval '6 hours',
                   case when not x.open then x.received_at + (1 + x.r2 * 9) * interval '1 day' end,
                   case when g % 40 = 0 then 1 else 0 end, case when g % 25 = 0 then 1 else 0 end,
                   case when x.status in ('CONFIRMED', 'ARCHIVED') then x.r3 < 0.8 end,
                   case when x.status in ('CONFIRMED', 'ARCHIVED') then 1 + (g % 5) end,
                   x.received_at,
                   case when x.open then x.received_at + interval '1 day' else x.received_at + interval '12 days' end,
                   jsonb_set(jsonb_set(t.document, '{id}', to_jsonb('bench-' || g)), '{intake,facts}',
                             to_jsonb((array['screen flickers after the update', 'parcel arrived 5 days late',
                                             'refund not received after return', 'staff was rude at the counter',
                                             'restarts 3 times within 5 minutes of power-on',
                                             'charged twice for one order'])[1 + g % 6] || ' (case ' || g || ')'))
              from generate_series(?::bigint, ?::bigint) g
              cross join lateral (
                   select s.*, case when s.open then (case when s.r2 < 0.7 then 'RUNNING' when s.r2 < 0.85 then 'AT_RISK'
                                                           when s.r2 < 0.95 then 'BREACHED' else 'PAUSED' end)
                                    else (case when s.r2 < 0.9 then 'MET' else 'BREACHED' end) end as sla_state
                     from (select k.*, (case when k.open then (array['RECEIVED','CLASSIFIED','ACKNOWLEDGED','IN_HANDLING'])[1 + (g % 4)]
                                             when k.r2 < 0.15 then 'RESOLVED' when k.r2 < 0.75 then 'CONFIRMED'
                                             else 'ARCHIVED' end) as status
                             from (select a.*, case when a.received_at > now() - interval '30 days' then a.r1 < 0.8
                                                    else a.r1 < 0.05 end as open
                                     from (select now() - power(random(), 2) * interval '365 days' as received_at,
                                                  random() as r1, random() as r2, random() as r3,
                                                  (array['PRODUCT','PRODUCT','PRODUCT','PRODUCT','PRODUCT','PRODUCT','PRODUCT','PRODUCT','PRODUCT',
                                                         'SERVICE','SERVICE','SERVICE','SERVICE','SERVICE',
                                                         'DELIVERY','DELIVERY','DELIVERY','DELIVERY','OTHER','OTHER'])[1 + (g * 7) % 20] as type
                                          ) a) k) s) y0
              cross join lateral (select y0.*, case y0.type when 'PRODUCT' then 'technology' when 'SERVICE' then 'operations'
                                                  when 'DELIVERY' then 'logistics' else 'customer-service' end as department,
                                         case y0.type when 'PRODUCT' then 'QUALITY' when 'SERVICE' then 'ATTITUDE'
                                                  when 'DELIVERY' then 'LOGISTICS_DELAY' else 'OTHER' end as subtype) x
              cross join (select document from complaint_summary where complaint_id not like 'bench-%' limit 1) t
            on conflict (complaint_id) do nothing""";

    private final Connection connection;

    SummarySeeder(Connection connection) {
        this.connection = connection;
    }

    static long countSummaries(Connection connection) throws Exception {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select count(*) from complaint_summary")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Adds rows until the projection holds at least {@code target} complaints; the number added. */
    long seed(long target) throws Exception {
        long existing = countSummaries(connection);
        long start = System.nanoTime();
        long first = 1;
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select coalesce(max(substring(complaint_id from 7)::bigint), 0) "
                     + "from complaint_summary where complaint_id like 'bench-%'")) {
            rs.next();
            first = rs.getLong(1) + 1;
        }
        long added = 0;
        while (existing + added < target) {
            long chunk = Math.min(100_000, target - existing - added);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setLong(1, first);
                insert.setLong(2, first + chunk - 1);
                added += insert.executeUpdate();
            }
            first += chunk;
            System.out.printf("  seeded %,d summaries in %.0f s%n", added, (System.nanoTime() - start) / 1e9);
        }
        if (added > 0) {
            try (Statement s = connection.createStatement()) {
                s.execute("analyze complaint_summary");
            }
        }
        return added;
    }
}
