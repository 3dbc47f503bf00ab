/**
 * A store listing file (store/listing/<lang>.md): three sections, `## Name`, `## Short description`,
 * `## Description`, each the text to paste into the store's field.
 */
export interface Listing {
  readonly name: string;
  readonly short: string;
  readonly description: string;
}

/**
 * Characters, the stricter of the two stores for each field:
 * - name: 50 on addons.mozilla.org, 75 on the Chrome Web Store (MDN, manifest.json/name:
 *   https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/manifest.json/name);
 * - short: 132, the manifest `description` limit the Chrome Web Store shows as the summary
 *   (https://developer.chrome.com/docs/extensions/reference/manifest/description); AMO's summary
 *   field allows more (250 in its form);
 * - description: our own bound, not a store's (neither documents a smaller one we could cite):
 *   a page a person reads on a phone in under two minutes.
 */
export const LISTING_LIMITS = { name: 50, short: 132, description: 3000 } as const;

const SECTIONS = { name: 'Name', short: 'Short description', description: 'Description' } as const;

export function parseListing(markdown: string): Listing {
  const sections = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of markdown.split(/\r?\n/)) {
    const heading = /^##\s+(.+?)\s*$/.exec(line);
    if (heading) sections.set(heading[1]!, (current = []));
    else current?.push(line);
  }
  const field = (title: string): string => {
    const text = sections.get(title)?.join('\n').trim();
    if (!text) throw new Error(`the listing has no "## ${title}" section`);
    return text;
  };
  return { name: field(SECTIONS.name), short: field(SECTIONS.short), description: field(SECTIONS.description) };
}
