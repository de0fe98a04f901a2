import { z } from 'zod';
import { scenarioChange, type PlanningInstance, type ScenarioChange } from '../../core/model';
import { applyScenario, type ScenarioProblem } from '../../core/scenario';
import { loadPlanningInstance } from '../instance';
import { resultsConflict } from './results';
import type { Db } from '../open';
import { audit } from './audit';

/** A what-if: changes applied on top of the base data at planning time; the base tables never change. */
export interface Scenario {
  id: number;
  name: string;
  note: string;
  changes: ScenarioChange[];
  createdAt: string;
}

const stored = z.object({ changes: z.array(scenarioChange).default([]) });

interface Row { id: number; name: string; description: string; params: string; created_at: string }

const toScenario = (r: Row): Scenario => ({
  id: r.id, name: r.name, note: r.description, createdAt: r.created_at, changes: stored.parse(JSON.parse(r.params)).changes,
});

export function listScenarios(db: Db): Scenario[] {
  return (db.prepare('SELECT * FROM scenarios ORDER BY id').all() as Row[]).map(toScenario);
}

export function getScenario(db: Db, id: number): Scenario | null {
  const row = db.prepare('SELECT * FROM scenarios WHERE id = ?').get(id) as Row | undefined;
  return row ? toScenario(row) : null;
}

export function createScenario(db: Db, s: { name: string; note?: string; changes: ScenarioChange[] }): number {
  return db.transaction(() => {
    const id = Number(db.prepare('INSERT INTO scenarios (name, description, params, created_at) VALUES (?, ?, ?, ?)')
      .run(s.name, s.note ?? '', JSON.stringify({ changes: s.changes }), new Date().toISOString()).lastInsertRowid);
    audit(db, 'create', 'scenario', id, { label: s.name, changeCount: s.changes.length });
    return id;
  })();
}

export function updateScenario(db: Db, id: number, patch: { name?: string; note?: string; changes?: ScenarioChange[] }): boolean {
  return db.transaction(() => {
    const before = getScenario(db, id);
    if (!before) return false;
    const next = { ...before, ...patch };
    db.prepare('UPDATE scenarios SET name = ?, description = ?, params = ? WHERE id = ?')
      .run(next.name, next.note, JSON.stringify({ changes: next.changes }), id);
    audit(db, 'update', 'scenario', id, { label: next.name, fields: Object.keys(patch) });
    return true;
  })();
}

/**
 * Deletes a scenario with its draft plans. One of its plans published (or archived) is the
 * record of what was sent to the communes: then nothing is deleted.
 */
export function deleteScenario(db: Db, id: number): 'deleted' | 'missing' | 'kept' {
  return db.transaction(() => {
    const s = getScenario(db, id);
    if (!s) return 'missing';
    const kept = db.prepare("SELECT COUNT(*) AS n FROM plans WHERE scenario_id = ? AND status <> 'draft'").get(id) as { n: number };
    if (kept.n > 0) return 'kept';
    const plans = db.prepare('DELETE FROM plans WHERE scenario_id = ?').run(id).changes;
    db.prepare('DELETE FROM scenarios WHERE id = ?').run(id);
    audit(db, 'delete', 'scenario', id, { label: s.name, plans });
    return 'deleted';
  })();
}

/**
 * The base instance with the scenario's changes on top; the problems name each change and field.
 * A start date on or before a day with recorded results is one (the backlog already lacks them).
 */
export function loadScenarioInstance(db: Db, changes: readonly ScenarioChange[], options: { from?: string } = {}): { instance: PlanningInstance; problems: ScenarioProblem[] } {
  const applied = applyScenario(loadPlanningInstance(db, { from: options.from, keepPinned: false }), changes);
  const start = changes.findLastIndex((c) => c.kind === 'startDate');
  const conflict = start >= 0 ? resultsConflict(db, applied.instance.from) : null;
  if (conflict) {
    applied.problems.push({
      change: start, field: 'from', key: 'startBeforeResults', params: { from: applied.instance.from, ...conflict },
      message: `results are recorded up to ${conflict.lastResult}; start on ${conflict.firstOpen} or later`,
    });
  }
  return applied;
}
