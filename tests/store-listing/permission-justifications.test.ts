/**
 * The stores' permission justifications never drift from the manifest: every host permission the
 * build asks for is in a group with its reason, every API permission has its reason, and
 * the committed store/permissions.md is what the generator writes today.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hostGroups, PERMISSIONS_FILE, permissionJustifications } from '../../scripts/store/permission-justifications';
import { CATALOGUE } from '../../src/catalogue';
import { API_PERMISSIONS } from '../../src/catalogue/manifest-permissions';
import { hostPermissions } from '../../src/catalogue/permissions';

describe('permission justifications', () => {
  it('cover every host permission of the manifest, and nothing else', () => {
    // A host may serve two purposes (a service's site that is also a speed control): it is then in both groups.
    const grouped = new Set(hostGroups(CATALOGUE).flatMap((group) => group.patterns));
    expect([...grouped].sort()).toEqual(hostPermissions(CATALOGUE));
  });

  it('give every group a reason', () => {
    for (const group of hostGroups(CATALOGUE)) {
      expect(group.patterns.length, group.title).toBeGreaterThan(0);
      expect(group.reason.length, group.title).toBeGreaterThan(40);
    }
  });

  it('give every API permission of the manifest a reason', () => {
    const text = permissionJustifications(CATALOGUE);
    for (const permission of API_PERMISSIONS) expect(text).toMatch(new RegExp(`### \`${permission}\`\\n\\n\\S`));
  });

  it('are committed as generated (run `npx tsx scripts/store/permission-justifications.ts` after a catalogue change)', () => {
    expect(readFileSync(PERMISSIONS_FILE, 'utf8')).toBe(permissionJustifications(CATALOGUE));
  });
});
