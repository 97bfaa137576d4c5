-- Case list searches (issue 9, docs/decisions.md "Search indexes: trigram facts and the due order").

-- sort=DUE_ASC: CaseSearch.Sort.DUE_ASC orders by exactly this expression, then by complaint_id (the keyset's
-- row comparison included); the planner matches an index only when the expression is the same.
create index complaint_summary_due on complaint_summary ((coalesce(next_due_at, 'infinity'::timestamptz)), complaint_id);

-- q=: "document -> 'intake' ->> 'facts' ilike '%…%'" can use a trigram index (pg_trgm, a contrib extension that
-- both the embedded PostgreSQL and Debian's server ship). Where the extension is missing or may not be created by
-- this user, the engine still starts: the search stays correct, only slower, and a warning names the statement to
-- run by hand. An extension already installed in another schema is found there.
do $$
declare
    trgm_schema name;
begin
    if not exists (select 1 from pg_extension where extname = 'pg_trgm') then
        if not exists (select 1 from pg_available_extensions where name = 'pg_trgm') then
            raise warning 'pg_trgm is not available on this PostgreSQL: case list searches with q= read every summary. '
                'Install the contrib package, then run: create extension pg_trgm; create index complaint_summary_facts_trgm '
                'on complaint_summary using gin ((document -> ''intake'' ->> ''facts'') gin_trgm_ops); analyze complaint_summary;';
            return;
        end if;
        begin
            create extension pg_trgm;
        exception when insufficient_privilege then
            raise warning 'pg_trgm may not be created by %: case list searches with q= read every summary. Have an owner '
                'run: create extension pg_trgm; create index complaint_summary_facts_trgm on complaint_summary using gin '
                '((document -> ''intake'' ->> ''facts'') gin_trgm_ops); analyze complaint_summary;', current_user;
            return;
        end;
    end if;
    select n.nspname into trgm_schema
      from pg_opclass c
      join pg_namespace n on n.oid = c.opcnamespace
      join pg_am a on a.oid = c.opcmethod
     where c.opcname = 'gin_trgm_ops' and a.amname = 'gin';
    execute format('create index complaint_summary_facts_trgm on complaint_summary '
                   'using gin ((document -> ''intake'' ->> ''facts'') %I.gin_trgm_ops)', trgm_schema);
end
$$;

-- Expression indexes have statistics of their own (the facts' and due instants' distributions), gathered only by
-- analyze: without them the planner guesses how many rows a pattern matches and may pick the trigram index for a
-- frequent word, where walking the received-time index finds a page of 20 sooner.
analyze complaint_summary;
