/**
 * Split an integer total over items in proportion to weights, with per-item integer caps,
 * so the parts sum exactly to the total (largest-remainder method, Hamilton's).
 * Items that would exceed their cap are fixed at the cap and the rest is re-split among
 * the others. Ties in the remainders go to the lower index, so the result is deterministic.
 */
export function apportion(total: number, weights: readonly number[], caps?: readonly number[]): number[] {
  const n = weights.length;
  if (!Number.isInteger(total) || total < 0) throw new Error(`apportion: total ${total} is not a count`);
  const cap = (i: number): number => (caps ? Math.max(0, Math.floor(caps[i]!)) : Infinity);
  const capacity = caps ? caps.reduce((s, _c, i) => s + cap(i), 0) : Infinity;
  if (total > capacity) throw new Error(`apportion: total ${total} exceeds the caps (${capacity})`);
  if (n === 0) {
    if (total > 0) throw new Error('apportion: nothing to split over');
    return [];
  }

  const exact = new Array<number>(n).fill(0);
  const fixed = new Array<boolean>(n).fill(false);
  let left = total;
  // Fix capped items until the proportional share fits everywhere (at most n rounds).
  for (;;) {
    const free = weights.map((w, i) => (fixed[i] ? 0 : Math.max(0, w)));
    let weightSum = free.reduce((s, w) => s + w, 0);
    // All remaining weights are zero: split evenly among the unfixed items.
    const even = weightSum === 0;
    if (even) weightSum = fixed.filter((f) => !f).length;
    let changed = false;
    for (let i = 0; i < n; i++) {
      if (fixed[i]) continue;
      const share = (left * (even ? 1 : free[i]!)) / weightSum;
      if (share > cap(i)) {
        exact[i] = cap(i);
        fixed[i] = true;
        left -= cap(i);
        changed = true;
      } else {
        exact[i] = share;
      }
    }
    if (!changed) break;
  }

  const parts = exact.map((x) => Math.floor(x + 1e-9));
  let rest = total - parts.reduce((s, x) => s + x, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x + 1e-9) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  // Normally one pass hands out the rest; more passes only when caps block items.
  while (rest > 0) {
    let gave = false;
    for (const { i } of order) {
      if (rest === 0) break;
      if (parts[i]! < cap(i)) {
        parts[i] = parts[i]! + 1;
        rest -= 1;
        gave = true;
      }
    }
    if (!gave) throw new Error('apportion: caps leave no room for the rest');
  }
  return parts;
}
