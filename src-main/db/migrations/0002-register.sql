-- Lưu Động schema v2: the data register's undo journal.
-- Each entry is one change (an import, a form edit, a delete) with, for every row it touched,
-- that row as it was before; undo puts those rows back in one transaction.
CREATE TABLE undo_journal (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  user_name   TEXT NOT NULL,
  action      TEXT NOT NULL,
  list        TEXT NOT NULL,
  summary     TEXT NOT NULL DEFAULT '{}',  -- JSON {key, params}: what the UI shows
  audit_id    INTEGER NOT NULL,            -- the change's audit_log row: when it is gone (data reset), so is the undo
  audit_at    TEXT NOT NULL,
  rows_before TEXT NOT NULL                -- JSON Array<{table, where, rows}>
);
