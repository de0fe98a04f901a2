/** One column of the comparison: what its plan enrols and what no plan of it can beat. */
export interface Compared {
  label: string;
  enrolled: number;
  upperBound: number;
}

/** Two columns whose order the plans alone do not settle. */
export interface Undecided {
  /** The column whose plan enrols more. */
  ahead: string;
  behind: string;
  difference: number;
  /** What the column behind could still enrol at most: more than the plan ahead. */
  behindBound: number;
}

/**
 * Which scenarios' plans differ from the base plan by less than the planner may leave on the
 * table. The best plan of a column lies between its plan and its upper bound; while the column
 * behind could still reach more than the column ahead plans (its bound is above that plan), the
 * difference may be the planner's (a heuristic, run under a time limit) and not the scenario's.
 * Equal plans say nothing either way and are not listed.
 */
export function undecidedAgainstBase(base: Compared, scenarios: readonly Compared[]): Undecided[] {
  return scenarios.flatMap((scenario) => {
    if (scenario.enrolled === base.enrolled) return [];
    const [ahead, behind] = scenario.enrolled > base.enrolled ? [scenario, base] : [base, scenario];
    if (behind.upperBound <= ahead.enrolled) return [];
    return [{ ahead: ahead.label, behind: behind.label, difference: ahead.enrolled - behind.enrolled, behindBound: behind.upperBound }];
  });
}
