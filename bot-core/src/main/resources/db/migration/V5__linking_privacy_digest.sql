-- A learner may hide from group leaderboards and digests.
alter table learner add column hidden boolean default false not null;

-- One-time codes that join a learner's accounts on two platforms; a code is deleted when used.
create table link_code (
    code       varchar(6)   primary key,
    learner_id bigint       not null references learner (id) on delete cascade,
    expires_at timestamp(6) with time zone not null
);
create index ix_link_code_learner on link_code (learner_id);

-- Subscribed groups get a weekly digest at their lesson time; existing groups get their row here.
insert into delivery_schedule
    (group_id, kind, zone, local_time, chat_platform, chat_id, chat_kind, active, next_due)
select group_id, 'DIGEST', zone, local_time, chat_platform, chat_id, chat_kind, active, next_due
from delivery_schedule where group_id is not null and kind = 'LESSON';
