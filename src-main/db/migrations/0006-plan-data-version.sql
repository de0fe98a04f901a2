-- Lưu Động schema v6: a plan knows whether the data it was made from has changed since.
-- data_version counts every change to the tables a plan is made from (whatever code path made it:
-- a form, an import, an undo, a restore's replay); a plan records the count it was made at, and is
-- 'stale' once the count has moved on. Field results are not among them: they bring the backlog down
-- as planned, and re-planning from today is how they are taken in.
CREATE TABLE data_version (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);
INSERT INTO data_version (id, n) VALUES (1, 0);
-- NULL: made before this version; whether its data changed since is not known.
ALTER TABLE plans ADD COLUMN data_version INTEGER;

CREATE TRIGGER data_version_campaigns_insert AFTER INSERT ON campaigns BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_campaigns_update AFTER UPDATE ON campaigns BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_campaigns_delete AFTER DELETE ON campaigns BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_communes_insert AFTER INSERT ON communes BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_communes_update AFTER UPDATE ON communes BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_communes_delete AFTER DELETE ON communes BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_hamlets_insert AFTER INSERT ON hamlets BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_hamlets_update AFTER UPDATE ON hamlets BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_hamlets_delete AFTER DELETE ON hamlets BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_backlogs_insert AFTER INSERT ON backlogs BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_backlogs_update AFTER UPDATE ON backlogs BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_backlogs_delete AFTER DELETE ON backlogs BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_bases_insert AFTER INSERT ON bases BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_bases_update AFTER UPDATE ON bases BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_bases_delete AFTER DELETE ON bases BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_travel_pairs_insert AFTER INSERT ON travel_pairs BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_travel_pairs_update AFTER UPDATE ON travel_pairs BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_travel_pairs_delete AFTER DELETE ON travel_pairs BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_teams_insert AFTER INSERT ON teams BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_teams_update AFTER UPDATE ON teams BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_teams_delete AFTER DELETE ON teams BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_team_days_off_insert AFTER INSERT ON team_days_off BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_team_days_off_update AFTER UPDATE ON team_days_off BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_team_days_off_delete AFTER DELETE ON team_days_off BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_members_insert AFTER INSERT ON members BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_members_update AFTER UPDATE ON members BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_members_delete AFTER DELETE ON members BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_vehicles_insert AFTER INSERT ON vehicles BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_vehicles_update AFTER UPDATE ON vehicles BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_vehicles_delete AFTER DELETE ON vehicles BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_vehicle_unavailable_insert AFTER INSERT ON vehicle_unavailable BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_vehicle_unavailable_update AFTER UPDATE ON vehicle_unavailable BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_vehicle_unavailable_delete AFTER DELETE ON vehicle_unavailable BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_shift_templates_insert AFTER INSERT ON shift_templates BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_shift_templates_update AFTER UPDATE ON shift_templates BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_shift_templates_delete AFTER DELETE ON shift_templates BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_calendar_exceptions_insert AFTER INSERT ON calendar_exceptions BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_calendar_exceptions_update AFTER UPDATE ON calendar_exceptions BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER data_version_calendar_exceptions_delete AFTER DELETE ON calendar_exceptions BEGIN UPDATE data_version SET n = n + 1; END;
