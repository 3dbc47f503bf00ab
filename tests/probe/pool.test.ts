import { describe, expect, it } from 'vitest';
import { runPool } from '../../src/probe/pool';

/** A worker whose tasks finish only when the test says so, in any order. */
function gatedWorker() {
  const gates = new Map<number, () => void>();
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const worker = (task: number) =>
    new Promise<string>((resolve) => {
      running++;
      most = Math.max(most, running);
      started.push(task);
      gates.set(task, () => {
        running--;
        resolve(`done ${task}`);
      });
    });
  return { worker, gates, started, most: () => most };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('runPool', () => {
  it('keeps at most `limit` in flight and returns results in task order', async () => {
    const { worker, gates, started, most } = gatedWorker();
    const pool = runPool([0, 1, 2, 3, 4], 2, worker);
    await tick();
    expect(started).toEqual([0, 1]);
    gates.get(1)?.(); // the second finishes first
    await tick();
    expect(started).toEqual([0, 1, 2]);
    for (const task of [2, 0, 3, 4]) {
      await tick();
      gates.get(task)?.();
    }
    expect(await pool).toEqual(['done 0', 'done 1', 'done 2', 'done 3', 'done 4']);
    expect(most()).toBe(2);
  });

  it('handles no tasks, and more lanes than tasks', async () => {
    expect(await runPool([], 8, async (x: number) => x)).toEqual([]);
    expect(await runPool([1, 2], 8, async (x: number) => x * 10)).toEqual([10, 20]);
  });

  it('rejects with a worker’s error and starts nothing after it', async () => {
    const started: number[] = [];
    const pool = runPool([0, 1, 2, 3], 1, async (task: number) => {
      started.push(task);
      if (task === 1) throw new Error('bug in task 1');
      return task;
    });
    await expect(pool).rejects.toThrow('bug in task 1');
    expect(started).toEqual([0, 1]);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a limit of %s with a clear message', async (limit) => {
    await expect(runPool([1], limit, async (x: number) => x)).rejects.toThrow(/limit must be a positive whole number/);
  });
});
