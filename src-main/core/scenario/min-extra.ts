import { residualAllowances } from '../analysis/residual';
import type { PlanningInstance, ScenarioChange, VehicleKind } from '../model';

/** What a manager may ask the province for, one unit at a time. */
export type ExtraResource =
  | { kind: 'teams'; likeTeam: string; baseName?: string }
  | { kind: 'vehicles'; vehicleKind: VehicleKind; baseName?: string }
  /** Shift templates in the order the user ticked them: k extra means the first k. */
  | { kind: 'shifts'; shifts: Array<Extract<ScenarioChange, { kind: 'addShift' }>> };

const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];

/** A copy of shift `code` on the weekdays it does not cover (a weekend morning shift on weekdays ...), or why there is none. */
export function shiftCopy(instance: PlanningInstance, code: string): Extract<ScenarioChange, { kind: 'addShift' }> | { problem: string } {
  const like = instance.shiftTemplates.find((s) => s.code === code);
  if (!like) return { problem: `no shift ${code} (known: ${instance.shiftTemplates.map((s) => s.code).join(', ')})` };
  const weekdays = ALL_DAYS.filter((d) => !like.weekdays.includes(d));
  if (weekdays.length === 0) return { problem: `${code} already runs every day` };
  return { kind: 'addShift', likeShift: code, code: `${code}+`, weekdays };
}

/** The changes that add k units of the resource (none for k = 0). */
export function extraChanges(resource: ExtraResource, k: number): ScenarioChange[] {
  if (k <= 0) return [];
  switch (resource.kind) {
    case 'teams':
      return [{ kind: 'addTeams', count: k, likeTeam: resource.likeTeam, withVehicles: true, ...(resource.baseName ? { baseName: resource.baseName } : {}) }];
    case 'vehicles':
      return [{ kind: 'addVehicles', vehicleKind: resource.vehicleKind, count: k, ...(resource.baseName ? { baseName: resource.baseName } : {}) }];
    case 'shifts':
      return resource.shifts.slice(0, k);
  }
}

export const resourceLabel = (r: ExtraResource): string =>
  r.kind === 'teams' ? 'teams' : r.kind === 'vehicles' ? `vehicles:${r.vehicleKind}` : 'shifts';

/**
 * People a plan must enrol by the deadline for it to be met: in every hamlet and service,
 * all but what the residual rule leaves to the commune post. A bound below this proves that
 * no plan meets the deadline.
 */
export function peopleToMeet(instance: PlanningInstance): number {
  const allowances = residualAllowances(instance);
  let need = 0;
  for (const b of instance.backlogs) {
    const allow = allowances.get(b.hamletId) ?? { cccd: 0, eid: 0 };
    need += Math.max(0, b.remaining.cccd - allow.cccd) + Math.max(0, b.remaining.eid - allow.eid);
  }
  return need;
}

/** What a verified plan with k extra units achieved. */
export interface Trial {
  deadlineMet: boolean;
  verifierValid: boolean;
  enrolled: number;
  clearanceDate: string | null;
}

export interface MinExtraDeps<T extends Trial> {
  /**
   * The bound with k extra (never below what any plan with k extra can enrol), and whether any
   * plan could bring every hamlet within its residual (false proves none can; null: not known).
   */
  bound: (k: number) => Promise<{ people: number; source: 'lp' | 'capacity'; possible?: boolean | null }>;
  /** Plans with k extra and verifies the plan independently. */
  plan: (k: number) => Promise<T>;
  /** People the deadline needs (peopleToMeet of the instance without extras: extras add no backlog). */
  need: number;
  /** The most units worth trying (the province will not lend a hundred teams). */
  maxExtra: number;
  /** Plans tried beyond the first k the bound allows, before giving up. */
  maxPlanTries?: number;
  onStep?: (step: MinExtraStep) => void;
  shouldStop?: () => boolean;
}

export interface MinExtraStep {
  k: number;
  what: 'bound' | 'plan';
  /** The bound's people, or the plan's enrolled. */
  people: number;
  /** For a plan: whether it meets the deadline (verified). For a bound: whether it leaves room to meet it. */
  enough: boolean;
  /** For a bound: false when the LP that must do every hamlet has no solution (a proof), null when not known. */
  possible?: boolean | null;
}

export interface MinExtraAnswer<T extends Trial> {
  /** The least k whose verified plan meets the deadline; null when none up to the limits did. */
  minimum: number | null;
  /** That plan (for the shell to save as the scenario's plan). */
  plan: T | null;
  /** The bound with minimum − 1 (null when minimum is 0 or none was found). */
  boundForOneFewer: number | null;
  /** With minimum − 1: false when no plan can do every hamlet (proven), null when not known or not asked. */
  possibleWithOneFewer: boolean | null;
  /** True only when minimum is 0, or with minimum − 1 the bound is below what the deadline needs or no plan can do every hamlet. */
  provenMinimal: boolean;
  /** The fewest units the bound allows: with fewer, no plan can meet the deadline (proven). */
  boundAllows: number | null;
  need: number;
  steps: MinExtraStep[];
}

export class MinExtraStopped extends Error {
  constructor() {
    super('The search for the least extra was cancelled.');
  }
}

/**
 * The least extra units that make the deadline, with its evidence both ways. The bounds
 * grow with k (more resources never shrink what is possible), so the fewest k they allow is
 * found by galloping then halving; every k below it is proven impossible. From there, plans
 * are made for k, k+1, ... until one meets the deadline and the verifier accepts it. When that
 * k is the bound's own, it is proven minimal; otherwise the answer says what the bound shows
 * for one fewer and that it is not proven.
 */
export async function minExtra<T extends Trial>(deps: MinExtraDeps<T>): Promise<MinExtraAnswer<T>> {
  const steps: MinExtraStep[] = [];
  const bounds = new Map<number, { people: number; possible: boolean | null }>();
  const check = (): void => {
    if (deps.shouldStop?.()) throw new MinExtraStopped();
  };
  const boundAt = async (k: number): Promise<{ people: number; possible: boolean | null }> => {
    const known = bounds.get(k);
    if (known !== undefined) return known;
    check();
    const { people, possible = null } = await deps.bound(k);
    bounds.set(k, { people, possible });
    const step: MinExtraStep = { k, what: 'bound', people, enough: people >= deps.need && possible !== false, possible };
    steps.push(step);
    deps.onStep?.(step);
    return { people, possible };
  };
  /** Not proven impossible with k: the bound reaches what the deadline needs and the every-hamlet LP is not infeasible. */
  const allows = async (k: number): Promise<boolean> => {
    const b = await boundAt(k);
    return b.people >= deps.need && b.possible !== false;
  };

  const boundAllows = await fewestAllowed(allows, deps.maxExtra);
  const answer = (minimum: number | null, plan: T | null): MinExtraAnswer<T> => {
    const fewer = minimum !== null && minimum > 0 ? bounds.get(minimum - 1) ?? null : null;
    return {
      minimum, plan, boundAllows, need: deps.need, steps,
      boundForOneFewer: fewer?.people ?? null,
      possibleWithOneFewer: fewer?.possible ?? null,
      provenMinimal: minimum === 0 || (fewer !== null && (fewer.people < deps.need || fewer.possible === false)),
    };
  };
  if (boundAllows === null) return answer(null, null);

  const tries = deps.maxPlanTries ?? 6;
  for (let k = boundAllows; k <= Math.min(deps.maxExtra, boundAllows + tries - 1); k++) {
    check();
    const trial = await deps.plan(k);
    const enough = trial.deadlineMet && trial.verifierValid;
    const step: MinExtraStep = { k, what: 'plan', people: trial.enrolled, enough };
    steps.push(step);
    deps.onStep?.(step);
    if (enough) {
      if (k > 0) await boundAt(k - 1);
      return answer(k, trial);
    }
  }
  return answer(null, null);
}

/** The least k in [0, max] with allows(k), for allows monotone in k; null if not even max. */
async function fewestAllowed(allows: (k: number) => Promise<boolean>, max: number): Promise<number | null> {
  if (await allows(0)) return 0;
  let failed = 0;
  let ok = 1;
  while (!(await allows(Math.min(ok, max)))) {
    if (ok >= max) return null;
    failed = ok;
    ok *= 2;
  }
  ok = Math.min(ok, max);
  while (ok - failed > 1) {
    const mid = Math.floor((failed + ok) / 2);
    if (await allows(mid)) ok = mid;
    else failed = mid;
  }
  return ok;
}
