import { LIMITS, SERVICES, type Backlog, type PlanningInstance, type ScenarioChange, type Service } from '../model';

/** The values a problem's sentence names (the UI writes them into its translation). */
export type ProblemParams = Record<string, string | number>;

/** How a change reports a problem with one of its fields. */
export type Report = (field: string, key: string, message: string, params?: ProblemParams) => void;

/**
 * More or fewer people to enrol, in one commune or the whole area, for one service or both:
 * every hamlet's backlog by a share, or a number of people spread over the hamlets in
 * proportion to their backlog (whole people, largest remainders). Homebound people change
 * in the same proportion and never exceed the backlog.
 */
export function changeBacklog(inst: PlanningInstance, c: Extract<ScenarioChange, { kind: 'backlog' }>, report: Report): void {
  let hamletIds: Set<number> | null = null;
  if (c.commune !== undefined) {
    const commune = inst.communes.find((x) => x.code === c.commune);
    if (!commune) return report('commune', 'unknownCommune', `no commune ${c.commune}`, { code: c.commune });
    hamletIds = new Set(inst.hamlets.filter((h) => h.communeId === commune.id).map((h) => h.id));
  }
  const scope = inst.backlogs.filter((b) => hamletIds === null || hamletIds.has(b.hamletId));
  for (const service of c.service ? [c.service] : SERVICES) {
    const targets = c.percent !== undefined
      ? scope.map((b) => Math.round(b.remaining[service] * (1 + c.percent! / 100)))
      : spread(scope.map((b) => b.remaining[service]), c.addPeople!);
    if (targets === null) return report('addPeople', 'belowZero', `fewer than ${-c.addPeople!} people left to take away`, { people: -c.addPeople! });
    if (targets.some((t) => t > LIMITS.hamletPeople)) return report(c.percent !== undefined ? 'percent' : 'addPeople', 'tooBig', `a hamlet would have more than ${LIMITS.hamletPeople} people`, { max: LIMITS.hamletPeople });
    scope.forEach((b, i) => setRemaining(b, service, targets[i]!));
  }
}

function setRemaining(b: Backlog, service: Service, remaining: number): void {
  const before = b.remaining[service];
  const homebound = before === 0 ? 0 : Math.min(remaining, Math.round((b.homebound[service] * remaining) / before));
  b.remaining = { ...b.remaining, [service]: remaining };
  b.homebound = { ...b.homebound, [service]: homebound };
}

/** `counts` plus `add` people in proportion to them (evenly if all are zero); null if it would go below zero. */
function spread(counts: readonly number[], add: number): number[] | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total + add < 0 || counts.length === 0) return add === 0 ? [...counts] : null;
  const weights = total === 0 ? counts.map(() => 1) : counts;
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (add * w) / weightSum);
  const whole = exact.map((x) => Math.trunc(x));
  let left = add - whole.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: Math.abs(x - whole[i]!) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    whole[i]! += Math.sign(left);
    left -= Math.sign(left);
  }
  const result = counts.map((c, i) => c + whole[i]!);
  return result.every((r) => r >= 0) ? result : null;
}
