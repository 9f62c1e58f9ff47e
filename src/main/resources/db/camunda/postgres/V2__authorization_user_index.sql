-- Task queries take the user's own grants and the user's groups' grants in one subquery
-- (engine/redress-statements.xml, docs/adr/0020). The engine indexes the group column but not
-- the user column, so without this index PostgreSQL reads every authorization row (one per open
-- task and candidate) to find a user's few.
create index if not exists redress_auth_user_id on act_ru_authorization (user_id_);
