-- Lưu Động schema v5: results from the field (issue 14).
-- A visit is either done (enrolled per service, of which at home; a note) or not done, with a
-- reason from a list; `recorded_at` is when it was typed. `enrolled_*` count venue and home
-- visits together; `home_*` are the part of them enrolled at home.
ALTER TABLE visit_results ADD COLUMN not_done_reason TEXT
  CHECK (not_done_reason IS NULL OR not_done_reason IN ('rain_road_cut', 'team_called_away', 'vehicle_broken', 'low_turnout', 'other'));
ALTER TABLE visit_results ADD COLUMN recorded_at TEXT NOT NULL DEFAULT '';

-- Results are recorded against what was promised: the visits of a published (or since archived)
-- plan, never a draft that may still change.
CREATE TRIGGER visit_results_kept_plan_insert BEFORE INSERT ON visit_results
WHEN NOT EXISTS (SELECT 1 FROM plan_visits v JOIN plan_routes r ON r.id = v.route_id JOIN plans p ON p.id = r.plan_id
                 WHERE v.id = NEW.visit_id AND p.status <> 'draft')
BEGIN SELECT RAISE(ABORT, 'results are recorded only for visits of a published plan'); END;

CREATE TRIGGER visit_results_kept_plan_update BEFORE UPDATE OF visit_id ON visit_results
WHEN NOT EXISTS (SELECT 1 FROM plan_visits v JOIN plan_routes r ON r.id = v.route_id JOIN plans p ON p.id = r.plan_id
                 WHERE v.id = NEW.visit_id AND p.status <> 'draft')
BEGIN SELECT RAISE(ABORT, 'results are recorded only for visits of a published plan'); END;

-- A home visit is one of the enrolled; a visit not done enrolled nobody.
CREATE TRIGGER visit_results_consistent_insert BEFORE INSERT ON visit_results
WHEN NEW.home_cccd > NEW.enrolled_cccd OR NEW.home_eid > NEW.enrolled_eid
  OR (NEW.not_done_reason IS NOT NULL AND NEW.enrolled_cccd + NEW.enrolled_eid > 0)
BEGIN SELECT RAISE(ABORT, 'inconsistent visit result'); END;

CREATE TRIGGER visit_results_consistent_update BEFORE UPDATE ON visit_results
WHEN NEW.home_cccd > NEW.enrolled_cccd OR NEW.home_eid > NEW.enrolled_eid
  OR (NEW.not_done_reason IS NOT NULL AND NEW.enrolled_cccd + NEW.enrolled_eid > 0)
BEGIN SELECT RAISE(ABORT, 'inconsistent visit result'); END;
