-- Daily quizzes in a row a learner closed without answering; from two on, the course waits.
alter table enrollment add column unanswered_quizzes integer default 0 not null;
