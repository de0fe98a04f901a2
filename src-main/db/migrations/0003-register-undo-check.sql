-- Lưu Động schema v3: undo refuses to overwrite rows that changed since the change it takes back.
-- after_hash: sha256 of the journaled rows as the change left them; when they differ now
-- (something not journaled wrote there since), undo is refused and nothing changes.
-- Entries journaled before this version have no fingerprint ('') and so cannot be undone.
ALTER TABLE undo_journal ADD COLUMN after_hash TEXT NOT NULL DEFAULT '';
