/**
 * Shortest travel minutes between all nodes (Floyd-Warshall). Measured pairs need not obey
 * the triangle inequality; a route's legs can never beat these, which is what the bound needs.
 */
export function shortestPaths(minutes: Int32Array, nodeCount: number): Float64Array {
  const distance = Float64Array.from(minutes);
  for (let k = 0; k < nodeCount; k++) {
    const rowK = k * nodeCount;
    for (let i = 0; i < nodeCount; i++) {
      const rowI = i * nodeCount;
      const dik = distance[rowI + k]!;
      for (let j = 0; j < nodeCount; j++) {
        const via = dik + distance[rowK + j]!;
        if (via < distance[rowI + j]!) distance[rowI + j] = via;
      }
    }
  }
  return distance;
}
