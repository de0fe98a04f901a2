-- Lưu Động schema v7: a what-if's plan keeps its routes as JSON. Its teams, vehicles and shift
-- templates may exist only in the scenario (borrowed teams, an added shift), so its routes cannot
-- reference the base tables; such a plan is never published (the base data did not change).
ALTER TABLE plans ADD COLUMN routes_json TEXT;
