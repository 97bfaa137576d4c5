-- Issue 9: a node may run without the event processors (complaint.cluster.processors=false, a write node). The nodes
-- that run them share the segments among themselves only, so a write node must not be counted in their fair share.
alter table cluster_node add column processors boolean not null default true;
