-- A group's deliveries may go to a forum topic (Telegram), and a server channel belongs to a
-- server whose shard decides which instance may send there (Discord).
alter table study_group add column chat_topic varchar(32);
alter table study_group add column chat_server varchar(32);
alter table delivery_schedule add column chat_topic varchar(32);
alter table delivery_schedule add column chat_server varchar(32);
alter table outbox add column chat_topic varchar(32);
alter table outbox add column chat_server varchar(32);
create index ix_study_group_server on study_group (platform, chat_server);
-- The bot was removed from the group (or the group's chat went away): deliveries stopped, and the
-- first command after the bot is back says how to subscribe again.
alter table study_group add column removed boolean default false not null;
