-- Lưu Động schema v1: the whole planning domain (DOMAIN.md). Later versions add columns.
-- Integers for counts, metres, minutes and đồng; dates as yyyy-MM-dd text; small lists as JSON text.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL            -- JSON
);

-- Administrative units as a configurable hierarchy (province > district | cluster > commune).
CREATE TABLE area_units (
  id               INTEGER PRIMARY KEY,
  parent_id        INTEGER REFERENCES area_units(id),
  level            TEXT NOT NULL CHECK (level IN ('province','district','cluster','commune')),
  code             TEXT NOT NULL UNIQUE,
  name             TEXT NOT NULL,
  is_planning_area INTEGER NOT NULL DEFAULT 0 CHECK (is_planning_area IN (0,1))
);

CREATE TABLE campaigns (
  id         INTEGER PRIMARY KEY,
  area_id    INTEGER REFERENCES area_units(id),
  name       TEXT NOT NULL,
  start_date TEXT NOT NULL,
  deadline   TEXT NOT NULL,
  is_current INTEGER NOT NULL DEFAULT 1 CHECK (is_current IN (0,1)),
  CHECK (deadline >= start_date)
);

CREATE TABLE communes (
  id         INTEGER PRIMARY KEY,
  area_id    INTEGER NOT NULL REFERENCES area_units(id),
  code       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  lat        REAL NOT NULL,
  lon        REAL NOT NULL,
  population INTEGER NOT NULL CHECK (population >= 0)
);

CREATE TABLE commune_outlines (
  commune_id INTEGER PRIMARY KEY REFERENCES communes(id) ON DELETE CASCADE,
  geometry   TEXT NOT NULL        -- GeoJSON geometry
);

CREATE TABLE hamlets (
  id                    INTEGER PRIMARY KEY,
  commune_id            INTEGER NOT NULL REFERENCES communes(id),
  code                  TEXT NOT NULL UNIQUE,
  name                  TEXT NOT NULL,
  lat                   REAL NOT NULL,
  lon                   REAL NOT NULL,
  population            INTEGER NOT NULL CHECK (population >= 0),
  venue                 TEXT NOT NULL DEFAULT '',
  contact               TEXT NOT NULL DEFAULT '',
  road_class            TEXT NOT NULL CHECK (road_class IN ('paved','dirt','forest')),
  motorbike_only        INTEGER NOT NULL DEFAULT 0 CHECK (motorbike_only IN (0,1)),
  cut_months            TEXT NOT NULL DEFAULT '[]',
  reach_weekday_day     REAL NOT NULL CHECK (reach_weekday_day BETWEEN 0 AND 1),
  reach_weekday_evening REAL NOT NULL CHECK (reach_weekday_evening BETWEEN 0 AND 1),
  reach_weekend         REAL NOT NULL CHECK (reach_weekend BETWEEN 0 AND 1),
  illustrative          INTEGER NOT NULL DEFAULT 0 CHECK (illustrative IN (0,1)),
  UNIQUE (commune_id, name)
);
CREATE INDEX hamlets_commune ON hamlets(commune_id);

CREATE TABLE backlogs (
  hamlet_id      INTEGER PRIMARY KEY REFERENCES hamlets(id) ON DELETE CASCADE,
  remaining_cccd INTEGER NOT NULL CHECK (remaining_cccd >= 0),
  remaining_eid  INTEGER NOT NULL CHECK (remaining_eid >= 0),
  homebound_cccd INTEGER NOT NULL DEFAULT 0 CHECK (homebound_cccd BETWEEN 0 AND remaining_cccd),
  homebound_eid  INTEGER NOT NULL DEFAULT 0 CHECK (homebound_eid BETWEEN 0 AND remaining_eid),
  counted_on     TEXT NOT NULL
);

CREATE TABLE bases (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('hq','post')),
  name       TEXT NOT NULL,
  commune_id INTEGER REFERENCES communes(id),
  lat        REAL NOT NULL,
  lon        REAL NOT NULL
);

-- Road distance/time between locations 'b:<base id>' / 'h:<hamlet id>'.
CREATE TABLE travel_pairs (
  from_key   TEXT NOT NULL,
  to_key     TEXT NOT NULL,
  distance_m INTEGER NOT NULL CHECK (distance_m >= 0),
  minutes    INTEGER NOT NULL CHECK (minutes >= 0),
  source     TEXT NOT NULL CHECK (source IN ('measured','estimated')),
  PRIMARY KEY (from_key, to_key)
) WITHOUT ROWID;

CREATE TABLE teams (
  id                       INTEGER PRIMARY KEY,
  code                     TEXT NOT NULL UNIQUE,
  name                     TEXT NOT NULL,
  kind                     TEXT NOT NULL CHECK (kind IN ('mobile','fixed')),
  base_id                  INTEGER NOT NULL REFERENCES bases(id),
  size                     INTEGER NOT NULL CHECK (size >= 1),
  services                 TEXT NOT NULL,           -- JSON ["cccd","eid"]
  kits                     INTEGER NOT NULL DEFAULT 0 CHECK (kits >= 0),
  throughput_cccd          INTEGER NOT NULL CHECK (throughput_cccd >= 0),
  throughput_eid           INTEGER NOT NULL CHECK (throughput_eid >= 0),
  home_throughput          INTEGER NOT NULL CHECK (home_throughput >= 0),
  setup_minutes            INTEGER NOT NULL CHECK (setup_minutes >= 0),
  allowed_shift_kinds      TEXT NOT NULL,           -- JSON
  max_shifts_per_week      INTEGER NOT NULL CHECK (max_shifts_per_week >= 1),
  max_consecutive_evenings INTEGER NOT NULL CHECK (max_consecutive_evenings >= 1)
);

CREATE TABLE team_days_off (
  team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  date    TEXT NOT NULL,
  PRIMARY KEY (team_id, date)
) WITHOUT ROWID;

CREATE TABLE members (
  id      INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  name    TEXT NOT NULL,
  rank    TEXT NOT NULL DEFAULT '',
  role    TEXT NOT NULL DEFAULT '',
  phone   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX members_team ON members(team_id);

CREATE TABLE vehicles (
  id           INTEGER PRIMARY KEY,
  code         TEXT NOT NULL UNIQUE,
  name         TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('car','pickup','motorbike')),
  seats        INTEGER NOT NULL CHECK (seats >= 1),
  base_id      INTEGER NOT NULL REFERENCES bases(id),
  road_classes TEXT NOT NULL,                       -- JSON
  cost_per_km  INTEGER NOT NULL CHECK (cost_per_km >= 0)
);

CREATE TABLE vehicle_unavailable (
  vehicle_id INTEGER NOT NULL REFERENCES vehicles(id) ON DELETE CASCADE,
  date       TEXT NOT NULL,
  PRIMARY KEY (vehicle_id, date)
) WITHOUT ROWID;

CREATE TABLE shift_templates (
  id               INTEGER PRIMARY KEY,
  code             TEXT NOT NULL UNIQUE,
  name             TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('weekday_day','weekday_evening','weekend')),
  weekdays         TEXT NOT NULL,                   -- JSON [1..7]
  start_min        INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1440),
  end_min          INTEGER NOT NULL CHECK (end_min BETWEEN 0 AND 1440),
  home_visits_only INTEGER NOT NULL DEFAULT 0 CHECK (home_visits_only IN (0,1)),
  on_holidays      INTEGER NOT NULL DEFAULT 0 CHECK (on_holidays IN (0,1)),
  CHECK (end_min > start_min)
);

CREATE TABLE calendar_exceptions (
  date TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('holiday','blackout')),
  name TEXT NOT NULL
);

-- What-if scenarios: changes on top of the base data (extra teams, vehicles, shifts, deadline).
CREATE TABLE scenarios (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  params      TEXT NOT NULL DEFAULT '{}',           -- JSON
  created_at  TEXT NOT NULL
);

CREATE TABLE plans (
  id           INTEGER PRIMARY KEY,
  scenario_id  INTEGER REFERENCES scenarios(id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('draft','published','archived')),
  created_at   TEXT NOT NULL,
  published_at TEXT,
  from_date    TEXT NOT NULL,
  seed         INTEGER NOT NULL,
  report       TEXT NOT NULL                        -- JSON PlanReport
);

CREATE TABLE plan_routes (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  date        TEXT NOT NULL,
  template_id INTEGER NOT NULL REFERENCES shift_templates(id),
  team_id     INTEGER NOT NULL REFERENCES teams(id),
  base_id     INTEGER NOT NULL REFERENCES bases(id),
  vehicle_ids TEXT NOT NULL,                        -- JSON
  depart_min  INTEGER NOT NULL,
  return_min  INTEGER NOT NULL,
  distance_m  INTEGER NOT NULL,
  cost        INTEGER NOT NULL,
  pinned      INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0,1))
);
CREATE INDEX plan_routes_plan_date ON plan_routes(plan_id, date);

CREATE TABLE plan_visits (
  id         INTEGER PRIMARY KEY,
  route_id   INTEGER NOT NULL REFERENCES plan_routes(id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  hamlet_id  INTEGER NOT NULL REFERENCES hamlets(id),
  arrive_min INTEGER NOT NULL,
  start_min  INTEGER NOT NULL,
  end_min    INTEGER NOT NULL,
  quota_cccd INTEGER NOT NULL DEFAULT 0,
  quota_eid  INTEGER NOT NULL DEFAULT 0,
  home_cccd  INTEGER NOT NULL DEFAULT 0,
  home_eid   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX plan_visits_route ON plan_visits(route_id);
CREATE INDEX plan_visits_hamlet ON plan_visits(hamlet_id);

CREATE TABLE visit_results (
  visit_id      INTEGER PRIMARY KEY REFERENCES plan_visits(id) ON DELETE CASCADE,
  enrolled_cccd INTEGER NOT NULL CHECK (enrolled_cccd >= 0),
  enrolled_eid  INTEGER NOT NULL CHECK (enrolled_eid >= 0),
  home_cccd     INTEGER NOT NULL DEFAULT 0 CHECK (home_cccd >= 0),
  home_eid      INTEGER NOT NULL DEFAULT 0 CHECK (home_eid >= 0),
  note          TEXT NOT NULL DEFAULT '',
  recorded_on   TEXT NOT NULL
);

CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  user_name TEXT NOT NULL,
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id TEXT,
  details   TEXT NOT NULL DEFAULT '{}'             -- JSON
);
CREATE INDEX audit_log_at ON audit_log(at);
