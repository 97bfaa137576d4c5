-- Read side: the current state of each complaint, rebuilt from the events at any time.
create table complaint_summary (
    complaint_id       varchar(64)  primary key,
    version            bigint       not null,
    status             varchar(20)  not null,
    urgency            varchar(10),
    type               varchar(50),
    primary_department varchar(100),
    received_at        timestamptz  not null,
    updated_at         timestamptz  not null,
    document           jsonb        not null
);
create index complaint_summary_status on complaint_summary (status, received_at);

-- Write side: Idempotency-Key of POST /api/complaints, stored in the same transaction as the first event.
create table idempotency_key (
    idempotency_key     varchar(200) primary key,
    request_fingerprint char(64)     not null,
    complaint_id        varchar(64)  not null,
    created_at          timestamptz  not null
);
