-- The rules' inputs that are not otherwise stored, as they were when the rules ran, so a changed
-- decision can be replayed on past complaints (what-if analysis). NULL for rows from before.
ALTER TABLE complaint ADD COLUMN complaints_last_90_days INTEGER;
ALTER TABLE compensation ADD COLUMN granted_last_90_days NUMERIC(19, 2);
