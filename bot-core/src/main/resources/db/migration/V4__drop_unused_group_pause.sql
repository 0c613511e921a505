-- A group's own pause was never set by anything: /unsubscribe is how a group stops its deliveries.
alter table study_group drop column paused;
