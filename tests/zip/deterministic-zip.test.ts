import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXED_ZIP_DATE_MS, repackDeterministically, zipDate } from '../../scripts/zip/deterministic-zip';

const dir = mkdtempSync(join(tmpdir(), 'blockwatch-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function writeZip(name: string, files: readonly [string, string][], date: Date): Promise<string> {
  const zip = new JSZip();
  for (const [path, text] of files) zip.file(path, text, { date });
  const path = join(dir, name);
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return path;
}

describe('re-packing a zip deterministically', () => {
  it('gives the same bytes for the same files made at other times in another order, and keeps every file', async () => {
    const files: [string, string][] = [['manifest.json', '{"version":"1.0.0"}'], ['popup/index.html', '<!doctype html>'], ['icon/16.png', 'png']];
    const a = await writeZip('a.zip', files, new Date('2026-01-01T10:00:00Z'));
    const b = await writeZip('b.zip', [...files].reverse(), new Date('2026-06-30T23:59:58Z'));
    expect(readFileSync(a).equals(readFileSync(b))).toBe(false);
    await repackDeterministically(a);
    await repackDeterministically(b);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    const repacked = await JSZip.loadAsync(readFileSync(a));
    expect(Object.keys(repacked.files)).toEqual(['icon/', 'popup/', 'icon/16.png', 'manifest.json', 'popup/index.html']);
    expect(await repacked.file('popup/index.html')?.async('string')).toBe('<!doctype html>');
    expect(repacked.files['manifest.json']!.date.getTime()).toBe(FIXED_ZIP_DATE_MS);
  });

  it('takes its date from SOURCE_DATE_EPOCH when set', () => {
    expect(zipDate({ SOURCE_DATE_EPOCH: '1765065600' }).toISOString()).toBe('2025-12-07T00:00:00.000Z');
    expect(zipDate({}).getTime()).toBe(FIXED_ZIP_DATE_MS);
  });
});
