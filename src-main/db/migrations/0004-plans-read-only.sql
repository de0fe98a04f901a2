-- Lưu Động schema v4: a published or archived plan is read-only, in the database itself.
-- Its routes and visits can no longer be added, changed or removed by any code path (a register
-- delete once took a deleted hamlet's visits out of the published plan, while its stored report
-- still counted them). Pinning a route stays possible: re-planning prefers the published future.
-- Deleting a whole plan (a data reset) still takes its rows with it: the cascade runs after the
-- plan row is gone, so these checks no longer find a kept plan.

CREATE TRIGGER plan_routes_kept_insert BEFORE INSERT ON plan_routes
WHEN EXISTS (SELECT 1 FROM plans WHERE id = NEW.plan_id AND status <> 'draft')
BEGIN SELECT RAISE(ABORT, 'published and archived plans are read-only'); END;

CREATE TRIGGER plan_routes_kept_update
BEFORE UPDATE OF plan_id, seq, date, template_id, team_id, base_id, vehicle_ids, depart_min, return_min, distance_m, cost ON plan_routes
WHEN EXISTS (SELECT 1 FROM plans WHERE id IN (OLD.plan_id, NEW.plan_id) AND status <> 'draft')
BEGIN SELECT RAISE(ABORT, 'published and archived plans are read-only'); END;

CREATE TRIGGER plan_routes_kept_delete BEFORE DELETE ON plan_routes
WHEN EXISTS (SELECT 1 FROM plans WHERE id = OLD.plan_id AND status <> 'draft')
BEGIN SELECT RAISE(ABORT, 'published and archived plans are read-only'); END;

CREATE TRIGGER plan_visits_kept_insert BEFORE INSERT ON plan_visits
WHEN EXISTS (SELECT 1 FROM plan_routes r JOIN plans p ON p.id = r.plan_id WHERE r.id = NEW.route_id AND p.status <> 'draft')
BEGIN SELECT RAISE(ABORT, 'published and archived plans are read-only'); END;

CREATE TRIGGER plan_visits_kept_update BEFORE UPDATE ON plan_visits
WHEN EXISTS (SELECT 1 FROM plan_routes r JOIN plans p ON p.id = r.plan_id WHERE r.id IN (OLD.route_id, NEW.route_id) AND p.status <> 'draft')
BEGIN SELECT RAISE(ABORT, 'published and archived plans are read-only'); END;

CREATE TRIGGER plan_visits_kept_delete BEFORE DELETE ON plan_visits
WHEN EXISTS (SELECT 1 FROM plan_routes r JOIN plans p ON p.id = r.plan_id WHERE r.id = OLD.route_id AND p.status <> 'draft')
BEGIN SELECT RAISE(ABORT, 'published and archived plans are read-only'); END;

-- A kept plan keeps its report, start and seed, and never becomes a draft again.
CREATE TRIGGER plans_kept_update BEFORE UPDATE OF report, from_date, seed, scenario_id, status ON plans
WHEN OLD.status <> 'draft' AND (NEW.status = 'draft' OR NEW.report IS NOT OLD.report OR NEW.from_date IS NOT OLD.from_date
  OR NEW.seed IS NOT OLD.seed OR NEW.scenario_id IS NOT OLD.scenario_id)
BEGIN SELECT RAISE(ABORT, 'published and archived plans are read-only'); END;
