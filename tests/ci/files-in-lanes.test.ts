/**
 * The scenario runners' lanes (tests/e2e/harness/files-in-lanes.ts): files split into batches of
 * about equal time, each batch one command, and one count line summed over them, where a batch that
 * dies without its count line is a failure, never a silent pass.
 */
import { describe, expect, it, vi } from 'vitest';
import { batchesOf, runFilesInLanes } from '../e2e/harness/files-in-lanes';

const seconds: Record<string, number> = { a: 80, b: 60, c: 50, d: 40, e: 25, f: 25, g: 25 };
const secondsOf = (file: string) => seconds[file] ?? 25;
const total = (batch: readonly string[]) => batch.reduce((sum, file) => sum + secondsOf(file), 0);

/** A command that prints the given count line (or nothing) and exits with `code`. */
const printing = (line: string, code = 0) => [process.execPath, '-e', `console.log(${JSON.stringify(line)}); process.exit(${code})`];

describe('batches of scenario files', () => {
  it('puts every file in exactly one batch, no more batches than lanes, and keeps the lanes within one file of each other', () => {
    const files = Object.keys(seconds);
    const batches = batchesOf(files, 2, secondsOf);
    expect(batches).toHaveLength(2);
    expect(batches.flat().sort()).toEqual([...files].sort());
    const [first, second] = batches.map(total) as [number, number];
    expect(Math.abs(first - second)).toBeLessThanOrEqual(Math.max(...Object.values(seconds)));
    expect(batchesOf(['a'], 3, secondsOf)).toEqual([['a']]);
    expect(batchesOf([], 3, secondsOf)).toEqual([]);
  });
});

describe('running the lanes', () => {
  it('sums the batches count lines and exits 0 when all passed', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const code = await runFilesInLanes({
        files: ['a', 'b', 'c'],
        waiting: ['w'],
        lanes: 2,
        secondsOf,
        commandFor: (batch) => printing(`lanes test: ${batch.length} passed, 0 failed`),
        title: 'lanes test',
      });
      expect(code).toBe(0);
      const printed = out.mock.calls.map(([chunk]) => String(chunk)).join('');
      expect(printed).toMatch(/lanes test: 4 passed, 0 failed \(4 files in 2 lanes and 1 waiting ones beside them\)\n$/);
    } finally {
      out.mockRestore();
    }
  });

  it('counts a batch that dies without its count line, or exits non-zero after a clean one, as a failure', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const code = await runFilesInLanes({
        files: ['a', 'b', 'c'],
        lanes: 3,
        secondsOf,
        commandFor: ([file]) => (file === 'a' ? printing('crashed') : file === 'b' ? printing('lanes test: 2 passed, 0 failed', 1) : printing('lanes test: 3 passed, 0 failed')),
        title: 'lanes test',
      });
      expect(code).toBe(1);
      const printed = out.mock.calls.map(([chunk]) => String(chunk)).join('');
      expect(printed).toMatch(/lanes test: 5 passed, 2 failed/);
    } finally {
      out.mockRestore();
    }
  });
});
