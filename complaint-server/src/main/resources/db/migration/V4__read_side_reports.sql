-- Read side for lists, dashboards and reports (#5): the figures reports filter and aggregate on, kept as columns
-- of complaint_summary by the same projection that writes the document, so one replay rebuilds both.
alter table complaint_summary
    add column subtype             varchar(50),
    add column channel             varchar(20),
    add column handler             varchar(100),
    add column handling_department varchar(100),
    add column escalation_level    varchar(10),
    add column escalation_count    int          not null default 0,
    add column sla_state           varchar(10),
    add column next_due_at         timestamptz,
    add column group_id            varchar(64),
    add column affected_count      int          not null default 1,
    add column first_response_at   timestamptz,
    add column resolved_at         timestamptz,
    add column reopen_count        int          not null default 0,
    add column extension_count     int          not null default 0,
    add column satisfied           boolean,
    add column score               int;

create index complaint_summary_received on complaint_summary (received_at desc, complaint_id desc);
create index complaint_summary_updated on complaint_summary (updated_at desc, complaint_id desc);
create index complaint_summary_department on complaint_summary (primary_department, received_at);
create index complaint_summary_open_sla on complaint_summary (sla_state) where status not in ('RESOLVED', 'CONFIRMED', 'ARCHIVED');

-- Complaints linked to a group case before their own summary row existed (GroupIssueOpened may come first).
create table complaint_group_link (
    complaint_id varchar(64) primary key,
    group_id     varchar(64) not null
);

-- Case library (#5 item 5): resolved cases marked as typical, with scenario, remedy and wording.
create table case_library (
    complaint_id varchar(64)  primary key,
    type         varchar(50),
    subtype      varchar(50),
    scenario     text         not null,
    remedy       varchar(30),
    amount       numeric(14, 2),
    currency     varchar(3),
    wording      text         not null,
    tags         text         not null default '',
    marked_by    varchar(100),
    marked_at    timestamptz  not null,
    version      bigint       not null
);
