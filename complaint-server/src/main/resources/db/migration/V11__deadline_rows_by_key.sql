-- Issue 9: Axon deadline rows are named "<aggregate type>:<id>|<deadline name>|<uuid>" (ScopeKeyedDeadlineManager), so a
-- complaint's deadlines of one name are deleted by a range of that name. The primary key's collation may order
-- punctuation apart from byte order; this index orders the names byte by byte, as the range needs.
create index scheduled_tasks_task_instance_bytes on scheduled_tasks (task_name, (task_instance collate "C"));
-- Rows of the earlier naming (a bare uuid), which each start renames: found without reading every deadline row, and
-- empty once they are renamed.
create index scheduled_tasks_unkeyed on scheduled_tasks (task_name, (task_instance collate "C"))
    where strpos(task_instance, '|') = 0;
