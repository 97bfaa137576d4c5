-- Issue 9: the deadline rows' names (task_instance) compare byte by byte in the column itself, so the primary key
-- serves a cancel's range of names ("<type>:<id>|<deadline name>|" to "…}") and V11's second index on the same
-- names, which every deadline row kept up to date beside the primary key, goes. Equality, which db-scheduler uses,
-- is the same in every deterministic collation. The primary key and V11's partial index are rebuilt under the
-- table's exclusive lock (Flyway: 2.9 s for 1,008,387 rows on the 2-core workplace VM, docs/performance.md).
drop index scheduled_tasks_task_instance_bytes;
-- db-scheduler reads this index only with priorities on (db-scheduler.priority-enabled), which the engine does not
-- set: its pick orders by execution_time. Whoever turns priorities on creates it again (docs/decisions.md).
drop index scheduled_tasks_priority_execution_time;
alter table scheduled_tasks alter column task_instance type text collate "C";
