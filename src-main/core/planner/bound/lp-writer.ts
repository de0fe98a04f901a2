/** Builds a model in CPLEX LP text, the format highs.solve() reads. */
export class LpWriter {
  private readonly vars = new Map<string, { lo: number; hi: number }>();
  private readonly obj: string[] = [];
  private readonly rows: string[] = [];

  get size(): number {
    return this.vars.size;
  }

  has(name: string): boolean {
    return this.vars.has(name);
  }

  variable(name: string, lo = 0, hi = Infinity): string {
    if (!this.vars.has(name)) this.vars.set(name, { lo, hi });
    return name;
  }

  objective(name: string, coef = 1): void {
    this.obj.push(`${term(coef, name, this.obj.length === 0)}`);
  }

  row(terms: readonly (readonly [number, string])[], op: '<=' | '>=' | '=', rhs: number): void {
    const parts = terms.filter(([c]) => Math.abs(c) > 1e-12);
    if (parts.length === 0) return;
    const body = parts.map(([c, v], i) => term(c, v, i === 0)).join(' ');
    this.rows.push(` r${this.rows.length}: ${body} ${op} ${num(rhs)}`);
  }

  text(): string {
    const bounds: string[] = [];
    for (const [name, { lo, hi }] of this.vars) {
      if (hi === Infinity) bounds.push(` ${name} >= ${num(lo)}`);
      else bounds.push(` ${num(lo)} <= ${name} <= ${num(hi)}`);
    }
    const objective = this.obj.length > 0 ? this.obj.join(' ') : '0 dummy';
    if (this.obj.length === 0) bounds.push(' 0 <= dummy <= 0');
    return `Maximize\n obj: ${objective}\nSubject To\n${this.rows.join('\n')}\nBounds\n${bounds.join('\n')}\nEnd\n`;
  }
}

function num(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return value.toPrecision(12).replace(/\.?0+(e|$)/, '$1');
}

function term(coef: number, name: string, first: boolean): string {
  const sign = coef < 0 ? '-' : first ? '' : '+';
  const abs = Math.abs(coef);
  return `${sign}${sign && !first ? ' ' : ''}${abs === 1 ? '' : `${num(abs)} `}${name}`;
}
