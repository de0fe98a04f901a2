-- Lưu Động schema v9: which service the planner serves first when both are waiting (issue 13).
-- CCCD first by default: a person without a chip card cannot get a level-2 e-ID either, the card
-- is a legal duty, and a CCCD file takes about three times an e-ID account.
ALTER TABLE campaigns ADD COLUMN service_priority TEXT NOT NULL DEFAULT 'cccd' CHECK (service_priority IN ('cccd', 'eid', 'equal'));
