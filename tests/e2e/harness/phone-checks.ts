/**
 * What "usable on a phone" means for a page, measured in the page itself: no horizontal scroll,
 * and every control a finger has to hit at least MIN_TOUCH_TARGET_PX in both directions.
 */
import type { Page } from 'playwright-core';

/** A phone's screen in CSS px: 360×640 is the most common small Android size (and Chrome DevTools' "Galaxy S" preset). */
export const PHONE_VIEWPORT = { width: 360, height: 640 } as const;
/**
 * Smallest touch target, CSS px: Android's 48 dp guideline (https://developer.android.com/develop/ui/views/accessibility/apps#large-controls)
 * and Apple's 44 pt; WCAG 2.5.5 (AAA) asks 44×44 CSS px. The smaller of them, as the floor.
 */
export const MIN_TOUCH_TARGET_PX = 44;

export interface PhoneFindings {
  readonly scrollWidth: number;
  readonly innerWidth: number;
  /** Controls smaller than the floor: a short description, its size. */
  readonly smallTargets: readonly string[];
  /** How many controls were measured. */
  readonly measured: number;
}

export function phoneFindings(page: Page): Promise<PhoneFindings> {
  return page.evaluate((min) => {
    const visible = (element: Element): boolean => {
      const rect = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    // A link inside running text is exempt (WCAG 2.5.8's inline exception): its line is the text's.
    const inRunningText = (link: Element): boolean => {
      const block = link.closest('p, li, dd, td');
      if (!block) return false;
      return (block.textContent ?? '').trim().length > (link.textContent ?? '').trim().length + 1;
    };
    const targets = new Set<Element>();
    for (const element of document.querySelectorAll('button, select, summary, textarea, input:not([type="hidden"]), a[href]')) {
      if (element instanceof HTMLAnchorElement && inRunningText(element)) continue;
      // A checkbox or radio is hit through its label, which is the target.
      const target = element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio') ? (element.closest('label') ?? element) : element;
      if (visible(target)) targets.add(target);
    }
    const describe = (element: Element): string => {
      const hook = [...element.attributes].filter((attribute) => attribute.name.startsWith('data-') || attribute.name === 'id').map((attribute) => `[${attribute.name}="${attribute.value}"]`).join('');
      return `${element.tagName.toLowerCase()}${hook} "${(element.textContent ?? '').trim().slice(0, 30)}"`;
    };
    const smallTargets: string[] = [];
    for (const target of targets) {
      const rect = target.getBoundingClientRect();
      // Half a pixel of rounding is not a smaller finger.
      if (rect.height < min - 0.5 || rect.width < min - 0.5) smallTargets.push(`${describe(target)} ${rect.width.toFixed(0)}×${rect.height.toFixed(0)}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, smallTargets, measured: targets.size };
  }, MIN_TOUCH_TARGET_PX);
}
