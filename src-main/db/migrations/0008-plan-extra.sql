-- Lưu Động schema v8: a plan made by "what would it take?" says what it added to its scenario
-- ("teams +3"); the scenario's own plans leave it NULL. The scenario's verdict is its own plan's,
-- never one with borrowed teams.
ALTER TABLE plans ADD COLUMN extra TEXT;
