-- Issue 7: hashes of the generated passwords of local users (the embedded default's login). The password itself
-- is printed once at the first start and never stored; configured passwords are not stored here at all.
create table local_user_credential (
    username      varchar(100) primary key,
    password_hash varchar(200) not null,
    created_at    timestamptz  not null
);
