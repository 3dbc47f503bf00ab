/**
 * Bounded concurrency: at most `limit` workers in flight, results in the order of the tasks.
 * Probes never throw, so a rejection here is a bug: the pool then starts no further task and
 * rejects with it (tasks already running finish on their own).
 */
export async function runPool<T, R>(
  tasks: readonly T[],
  limit: number,
  worker: (task: T, index: number) => Promise<R>,
): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`runPool: limit must be a positive whole number, got ${String(limit)}`);
  }
  const results = new Array<R>(tasks.length);
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (!failed && next < tasks.length) {
      const index = next++;
      try {
        results[index] = await worker(tasks[index] as T, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const lanes = Array.from({ length: Math.min(limit, tasks.length) }, lane);
  await Promise.all(lanes);
  return results;
}
