/**
 * Runs `run` over the tasks on a few lanes at once (workers, or just slots), each lane taking
 * the next task when it is free; results in task order. No new task starts once `stopped()`.
 */
export async function inLanes<L, T, R>(
  lanes: readonly L[], tasks: readonly T[], run: (lane: L, task: T, k: number) => Promise<R>, stopped = (): boolean => false,
): Promise<R[]> {
  const results = new Array<R>(tasks.length);
  let next = 0;
  await Promise.all(lanes.map(async (lane) => {
    while (next < tasks.length && !stopped()) {
      const k = next++;
      results[k] = await run(lane, tasks[k]!, k);
    }
  }));
  return results;
}
