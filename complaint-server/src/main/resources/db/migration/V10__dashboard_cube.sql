-- The SLA dashboard's figures kept as counters (issue 9): aggregating every complaint_summary row on each request
-- took 6-9 s at 1,000,000 complaints. What each summary row contributes to the dashboard is kept per UTC day of
-- receipt and primary department (dashboard_cube: counts) and per UTC month and department (dashboard_histogram:
-- the first-response and resolution durations, for percentiles); statement triggers on complaint_summary append a
-- new row's contributions and take an old row's away in the same transaction as the write (as deltas, folded into
-- the counters every second), so counters plus deltas never disagree with the rows. A dashboard sums the whole
-- days (months) of its period and reads the summary rows of the partial ones at either end.

create table dashboard_cube (
    day        date         not null,
    department varchar(100) not null, -- '' when not routed yet
    metric     varchar(20)  not null,
    key        varchar(50)  not null,
    n          bigint       not null,
    primary key (day, department, metric, key)
);

create table dashboard_histogram (
    month      date         not null, -- the first day of the UTC month
    department varchar(100) not null,
    metric     varchar(20)  not null, -- first_response | resolution
    bucket     int          not null, -- dashboard_duration_bucket
    n          bigint       not null,
    primary key (month, department, metric, bucket)
);

-- Changes not yet folded into the counters above (append-only; DashboardCounters moves them every second).
create table dashboard_cube_delta (
    day        date         not null,
    department varchar(100) not null,
    metric     varchar(20)  not null,
    key        varchar(50)  not null,
    n          bigint       not null
);

create table dashboard_histogram_delta (
    month      date         not null,
    department varchar(100) not null,
    metric     varchar(20)  not null,
    bucket     int          not null,
    n          bigint       not null
);

-- A duration's histogram bucket: whole seconds below 128 s, above that 32 buckets per doubling (each 2.19 % wide).
-- DurationHistogram (complaint-query) holds the inverse; the two must stay equal.
create function dashboard_duration_bucket(seconds double precision) returns int
    language sql immutable parallel safe as $$
    select case when seconds < 128 then greatest(floor(seconds), 0)::int
                else 128 + floor(32 * ln(seconds / 128) / ln(2))::int end
$$;

-- What one summary row adds to the dashboard's counts (metric, key, amount). With dashboard_durations the only
-- definition of the dashboard's rules: open = not RESOLVED/CONFIRMED/ARCHIVED; a clock met on time = state MET
-- without a breach; breached = at least one breach.
create function dashboard_counts(s complaint_summary)
    returns table (metric text, key text, n bigint)
    language sql stable parallel safe as $$
    select 'open.status'::text, s.status::text, 1::bigint
     where s.status not in ('RESOLVED', 'CONFIRMED', 'ARCHIVED')
    union all
    select 'open.urgency', coalesce(s.urgency, 'UNCLASSIFIED'), 1
     where s.status not in ('RESOLVED', 'CONFIRMED', 'ARCHIVED')
    union all
    select 'open.sla', s.sla_state, 1
     where s.status not in ('RESOLVED', 'CONFIRMED', 'ARCHIVED') and s.sla_state is not null
    union all
    select 'clock.seen', c.key, 1 from jsonb_each(s.document -> 'sla') c
    union all
    select 'clock.met', c.key, 1 from jsonb_each(s.document -> 'sla') c
     where c.value ->> 'state' = 'MET' and (c.value ->> 'breaches')::int = 0
    union all
    select 'clock.breached', c.key, 1 from jsonb_each(s.document -> 'sla') c
     where (c.value ->> 'breaches')::int > 0
    union all
    select 'extensions', '', s.extension_count where s.extension_count <> 0
    union all
    select 'escalations', '', s.escalation_count where s.escalation_count <> 0
$$;

-- The durations one summary row adds to the histograms (metric, bucket).
create function dashboard_durations(s complaint_summary)
    returns table (metric text, bucket int)
    language sql stable parallel safe as $$
    select 'first_response'::text, dashboard_duration_bucket(extract(epoch from s.first_response_at - s.received_at))
     where s.first_response_at is not null
    union all
    select 'resolution', dashboard_duration_bucket(extract(epoch from s.resolved_at - s.received_at))
     where s.resolved_at is not null
$$;

-- What one statement changed, as deltas appended to dashboard_cube_delta / dashboard_histogram_delta: the update
-- trigger sees the old and the new rows, the insert trigger only new ones, the delete trigger only old ones
-- (transition tables need one trigger per operation, PostgreSQL 10+). Appending takes no lock on a shared counter,
-- so concurrent projection transactions, each writing several summaries, never wait for or deadlock on each
-- other; DashboardCounters folds the deltas into the counters every second (one statement, key order).
-- Static statements (PL/pgSQL keeps their plans): the same statement built and run with EXECUTE was planned on
-- every call, about 10 ms per summary write.
create function dashboard_cube_apply() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into dashboard_cube_delta (day, department, metric, key, n)
        select (r.received_at at time zone 'UTC')::date, coalesce(r.primary_department, ''), c.metric, c.key, sum(c.n)
          from new_rows r cross join lateral dashboard_counts(r) c
         group by 1, 2, 3, 4;
        insert into dashboard_histogram_delta (month, department, metric, bucket, n)
        select date_trunc('month', r.received_at at time zone 'UTC')::date, coalesce(r.primary_department, ''),
               d.metric, d.bucket, count(*)
          from new_rows r cross join lateral dashboard_durations(r) d
         group by 1, 2, 3, 4;
    elsif tg_op = 'DELETE' then
        insert into dashboard_cube_delta (day, department, metric, key, n)
        select (r.received_at at time zone 'UTC')::date, coalesce(r.primary_department, ''), c.metric, c.key,
               -sum(c.n)
          from old_rows r cross join lateral dashboard_counts(r) c
         group by 1, 2, 3, 4;
        insert into dashboard_histogram_delta (month, department, metric, bucket, n)
        select date_trunc('month', r.received_at at time zone 'UTC')::date, coalesce(r.primary_department, ''),
               d.metric, d.bucket, -count(*)
          from old_rows r cross join lateral dashboard_durations(r) d
         group by 1, 2, 3, 4;
    else
        insert into dashboard_cube_delta (day, department, metric, key, n)
        select day, department, metric, key, sum(n) from (
            select (r.received_at at time zone 'UTC')::date as day, coalesce(r.primary_department, '') as department,
                   c.metric, c.key, -c.n as n
              from old_rows r cross join lateral dashboard_counts(r) c
            union all
            select (r.received_at at time zone 'UTC')::date, coalesce(r.primary_department, ''), c.metric, c.key, c.n
              from new_rows r cross join lateral dashboard_counts(r) c) x
         group by 1, 2, 3, 4 having sum(n) <> 0;
        insert into dashboard_histogram_delta (month, department, metric, bucket, n)
        select month, department, metric, bucket, sum(n) from (
            select date_trunc('month', r.received_at at time zone 'UTC')::date as month,
                   coalesce(r.primary_department, '') as department, d.metric, d.bucket, -1 as n
              from old_rows r cross join lateral dashboard_durations(r) d
            union all
            select date_trunc('month', r.received_at at time zone 'UTC')::date, coalesce(r.primary_department, ''),
                   d.metric, d.bucket, 1
              from new_rows r cross join lateral dashboard_durations(r) d) x
         group by 1, 2, 3, 4 having sum(n) <> 0;
    end if;
    return null;
end
$$;

create trigger dashboard_cube_insert after insert on complaint_summary
    referencing new table as new_rows for each statement execute function dashboard_cube_apply();
create trigger dashboard_cube_update after update on complaint_summary
    referencing old table as old_rows new table as new_rows for each statement execute function dashboard_cube_apply();
create trigger dashboard_cube_delete after delete on complaint_summary
    referencing old table as old_rows for each statement execute function dashboard_cube_apply();

-- The rows already there.
insert into dashboard_cube (day, department, metric, key, n)
select (s.received_at at time zone 'UTC')::date, coalesce(s.primary_department, ''), c.metric, c.key, sum(c.n)
  from complaint_summary s cross join lateral dashboard_counts(s) c
 group by 1, 2, 3, 4 having sum(c.n) <> 0;
insert into dashboard_histogram (month, department, metric, bucket, n)
select date_trunc('month', s.received_at at time zone 'UTC')::date, coalesce(s.primary_department, ''), d.metric, d.bucket,
       count(*)
  from complaint_summary s cross join lateral dashboard_durations(s) d
 group by 1, 2, 3, 4;

-- The oldest open cases of the dashboard, in their order, without reading the closed ones.
create index complaint_summary_open_received on complaint_summary (received_at, complaint_id)
    where status not in ('RESOLVED', 'CONFIRMED', 'ARCHIVED');
