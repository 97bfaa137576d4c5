-- Issue 7, erasure: one data key per complaint or group complaint (the "subject"), wrapped (AES-GCM) by the master
-- key complaint.privacy.master-key; the personal fields of the subject's events are encrypted with it.
-- Erasing sets wrapped_key to null (the row stays as a tombstone, so no new key is ever made for an erased subject).
-- contact_digest is an HMAC of the customer's normalized contact under a key derived from the master key: it finds
-- a customer's complaints for an erasure request without keeping the contact in clear text.
create table personal_data_key (
    subject_id     varchar(255) primary key,
    wrapped_key    bytea,
    contact_digest varchar(64),
    created_at     timestamptz not null default now(),
    erased_at      timestamptz,
    constraint personal_data_key_erased_has_no_key check (erased_at is null or wrapped_key is null)
);

create index personal_data_key_contact on personal_data_key (contact_digest) where wrapped_key is not null;
