/**
 * The pages' colours, read from the shared stylesheet: every text colour keeps at least 4.5:1
 * (WCAG AA) against the page and card backgrounds, in the light and in the dark scheme.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CSS = readFileSync(join(process.cwd(), 'extension/shared/ui/styles.css'), 'utf8');

/** Custom properties with a #rrggbb value in a block of CSS. */
function palette(block: string): Map<string, string> {
  return new Map([...block.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)].map((match) => [match[1] ?? '', match[2] ?? '']));
}

const [lightBlock = '', darkPart = ''] = CSS.split('@media (prefers-color-scheme: dark)');
const darkBlock = darkPart.slice(0, darkPart.indexOf('}\n}') + 1);
const SCHEMES = { light: palette(lightBlock), dark: palette(darkBlock) };

function luminance(hex: string): number {
  const channel = (offset: number): number => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

/** Colours used for text (and state icons next to text). */
const TEXT = ['text', 'muted', 'accent', 'c-reachable', 'c-slow', 'c-partial', 'c-blocked', 'c-offline', 'c-restricted', 'c-unknown', 'c-captive'];

describe('colours', () => {
  it('are defined for both schemes', () => {
    for (const [scheme, colours] of Object.entries(SCHEMES)) {
      for (const name of [...TEXT, 'bg', 'surface', 'on-accent', 'focus', 'border']) expect(colours.get(name), `${scheme} --${name}`).toMatch(/^#/);
    }
  });

  it('give text at least 4.5:1 on the page and on cards, light and dark', () => {
    for (const [scheme, colours] of Object.entries(SCHEMES)) {
      for (const name of TEXT) {
        for (const background of ['bg', 'surface']) {
          const ratio = contrast(colours.get(name) as string, colours.get(background) as string);
          expect(ratio, `${scheme}: --${name} on --${background} is ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(4.5);
        }
      }
      expect(contrast(colours.get('on-accent') as string, colours.get('accent') as string), `${scheme}: primary button text`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('give the focus ring and field borders at least 3:1, as non-text contrast asks', () => {
    for (const [scheme, colours] of Object.entries(SCHEMES)) {
      for (const name of ['focus', 'border']) {
        expect(contrast(colours.get(name) as string, colours.get('bg') as string), `${scheme}: --${name}`).toBeGreaterThanOrEqual(3);
      }
    }
  });
});
