/**
 * Shortest travel minutes between all nodes (Floyd-Warshall). Measured pairs need not obey
 * the triangle inequality; a route's legs can never beat these, which is what the bound needs.
 */
export function shortestPaths(minutes: Int32Array, n: number): Float64Array {
  const d = Float64Array.from(minutes);
  for (let k = 0; k < n; k++) {
    const rowK = k * n;
    for (let i = 0; i < n; i++) {
      const rowI = i * n;
      const dik = d[rowI + k]!;
      for (let j = 0; j < n; j++) {
        const via = dik + d[rowK + j]!;
        if (via < d[rowI + j]!) d[rowI + j] = via;
      }
    }
  }
  return d;
}
