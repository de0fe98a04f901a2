/**
 * A mixed-integer model in CPLEX LP text, the format highs.solve() reads. Written apart
 * from the planner's LP writer on purpose: the exact model checks the planner's bound, so
 * it shares no code with it. Every coefficient the exact model writes is an integer, so
 * the text carries the model exactly (no decimal rounding).
 */
export type Term = readonly [coefficient: number, variable: string];

interface Column {
  lo: number;
  hi: number;
  integer: boolean;
}

export class MipText {
  private readonly columns = new Map<string, Column>();
  private readonly objective: Term[] = [];
  private readonly rows: string[] = [];

  get variableCount(): number {
    return this.columns.size;
  }

  get rowCount(): number {
    return this.rows.length;
  }

  /** A continuous variable. */
  real(name: string, lo: number, hi: number): string {
    return this.declare(name, lo, hi, false);
  }

  /** An integer variable (a binary when its bounds are 0 and 1). */
  integer(name: string, lo: number, hi: number): string {
    return this.declare(name, lo, hi, true);
  }

  has(name: string): boolean {
    return this.columns.has(name);
  }

  maximize(terms: readonly Term[]): void {
    this.objective.push(...terms);
  }

  row(terms: readonly Term[], op: '<=' | '>=' | '=', rhs: number): void {
    const kept = terms.filter(([c]) => c !== 0);
    for (const [c, v] of kept) {
      if (!Number.isInteger(c)) throw new Error(`exact model: coefficient ${c} of ${v} is not an integer`);
      if (!this.columns.has(v)) throw new Error(`exact model: undeclared variable ${v}`);
    }
    if (!Number.isInteger(rhs)) throw new Error(`exact model: right-hand side ${rhs} is not an integer`);
    if (kept.length === 0) {
      const holds = op === '<=' ? 0 <= rhs : op === '>=' ? 0 >= rhs : rhs === 0;
      if (!holds) throw new Error(`exact model: empty row 0 ${op} ${rhs} cannot hold`);
      return;
    }
    this.rows.push(` c${this.rows.length}: ${terms_(kept)} ${op} ${rhs}`);
  }

  text(): string {
    const bounds: string[] = [];
    const integers: string[] = [];
    for (const [name, { lo, hi, integer }] of this.columns) {
      bounds.push(` ${lo} <= ${name} <= ${hi}`);
      if (integer) integers.push(` ${name}`);
    }
    const objective = this.objective.length > 0 ? terms_(this.objective) : '0 nothing';
    if (this.objective.length === 0) bounds.push(' 0 <= nothing <= 0');
    return [
      'Maximize', ` obj: ${objective}`, 'Subject To', ...this.rows, 'Bounds', ...bounds,
      ...(integers.length > 0 ? ['General', ...integers] : []), 'End', '',
    ].join('\n');
  }

  private declare(name: string, lo: number, hi: number, integer: boolean): string {
    if (!/^[a-df-z][A-Za-z0-9_]*$/.test(name)) throw new Error(`exact model: bad variable name ${name}`);
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || hi < lo) throw new Error(`exact model: bad bounds ${lo}..${hi} for ${name}`);
    const known = this.columns.get(name);
    if (known) {
      if (known.lo !== lo || known.hi !== hi || known.integer !== integer) throw new Error(`exact model: ${name} declared twice`);
      return name;
    }
    this.columns.set(name, { lo, hi, integer });
    return name;
  }
}

function terms_(terms: readonly Term[]): string {
  return terms
    .map(([c, v], i) => {
      const sign = c < 0 ? '- ' : i === 0 ? '' : '+ ';
      const abs = Math.abs(c);
      return `${sign}${abs === 1 ? '' : `${abs} `}${v}`;
    })
    .join(' ');
}
