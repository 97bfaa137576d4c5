-- Issue 9: the nodes of one engine on one PostgreSQL, so each can take its fair share of every processor's
-- segments. A node writes its heartbeat every few seconds; one silent for longer than the node timeout is gone.
create table cluster_node (
    node_id      varchar(100) primary key,
    started_at   timestamptz not null,
    heartbeat_at timestamptz not null
);
