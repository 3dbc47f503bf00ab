/**
 * store/permissions.md: what each store's form asks about permissions (Chrome Web Store's
 * "Privacy practices" tab: single purpose, a justification per permission and for host
 * permissions, remote code; AMO's reviewer notes), generated from the real catalogue so it never
 * drifts: every host the manifest asks for appears in a group with the reason.
 * tests/store/permission-justifications.test.ts checks the committed file against this output.
 *
 *   npx tsx scripts/store/permission-justifications.ts   (rewrites store/permissions.md)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CATALOGUE } from '../../src/catalogue';
import { API_PERMISSIONS, OPTIONAL_HOST_PERMISSIONS, type ApiPermission } from '../../src/catalogue/manifest-permissions';
import { matchPatternFor } from '../../src/catalogue/permissions';
import type { Catalogue } from '../../src/catalogue/types';

export const PERMISSIONS_FILE = 'store/permissions.md';

const SINGLE_PURPOSE =
  'Blockwatch tells a person, from their own network, whether the messengers they rely on (WhatsApp, Telegram, Signal and others) are reachable, blocked or throttled, keeps that history on the device, and alerts them when a block starts or ends.';

const API_REASONS: Record<ApiPermission, string> = {
  alarms: 'Runs a check round every few minutes (5 by default) and the confirmation rounds 40 s apart after a suspicious one, also while no Blockwatch page is open.',
  storage: 'Keeps the person\'s settings (country, services, interval, notifications) on the device. The history itself is in the extension\'s IndexedDB, also only on the device.',
  notifications: 'Tells the person when a block of a service they chose is confirmed and when it ends (and, if they turn it on, partial blocks and throttling). Never for a plain offline connection.',
  webRequest:
    'Reads the browser\'s own error for Blockwatch\'s own check requests (for example NAME_NOT_RESOLVED, CONNECTION_RESET, a certificate error) to say how a service is blocked: DNS, connection, reset, TLS or a blockpage. The browser shows it requests to the hosts below only; Its listeners are registered for Blockwatch\'s own background requests only (no tab) to those hosts, so the browser never shows it a page the person opens. It never blocks a request.',
  declarativeNetRequestWithHostAccess:
    'Chrome only. One session rule removes the `Origin` header (chrome-extension://<id>) that Chrome adds to Blockwatch\'s own check requests, so a provider reading the traffic cannot tell a Blockwatch user by it. It applies only to requests Blockwatch itself makes, never to a page.',
  webRequestBlocking:
    'Firefox only. Removes the `Origin` header (moz-extension://<per-install id>) that Firefox adds to Blockwatch\'s own check requests, so nothing on the wire names the install. It applies only to Blockwatch\'s own background requests to the hosts below, never to a page, and changes nothing else.',
  dns:
    'Firefox only. When one of Blockwatch\'s own check requests fails with a certificate error, Firefox does not say which address it connected to; Blockwatch asks Firefox\'s own resolver (its cached answer for that checked host) for it, to tell a resolver lie that sends the name to a filter server (a DNS block) from interception. Only the catalogue\'s and the person\'s own checked hosts are looked up, never a page\'s.',
};

const OPTIONAL_REASON =
  'Not granted at install. When the person adds a site of their own to check (options page, "Add"), the browser asks them for that one host, and Blockwatch gives the permission back when they remove it.';

export interface HostGroup {
  readonly title: string;
  readonly reason: string;
  readonly patterns: readonly string[];
}

const uniqueSorted = (urls: readonly string[]): string[] => [...new Set(urls.map(matchPatternFor))].sort();

/** Every host the manifest asks for, grouped by why: one group per service, then the controls. */
export function hostGroups(catalogue: Catalogue): HostGroup[] {
  const groups: HostGroup[] = catalogue.services.map((service) => ({
    title: service.name,
    reason: `To check whether ${service.name} works from the person's network: a small request to each of its parts (${service.components.map((component) => component.id).join(', ')}), and a download of at most 512 KiB to measure throttling. The answers are only timed and classified; no account, message or personal data is involved.`,
    patterns: uniqueSorted([...service.components.flatMap((component) => component.endpoints.map((endpoint) => endpoint.url)), ...(service.throughput ? [service.throughput.url] : [])]),
  }));
  const international = catalogue.controls.filter((control) => control.region === 'intl');
  groups.push({
    title: 'International controls',
    reason: 'Connectivity-check addresses of Google, Mozilla, Microsoft, Apple and Cloudflare. When they fail too, the connection is down and Blockwatch says "offline", never "blocked"; when one answers with the wrong page, a captive portal (hotel or café Wi-Fi login) is in the way.',
    patterns: uniqueSorted(international.map((control) => control.url)),
  });
  const regions = [...new Set(catalogue.controls.filter((control) => control.region !== 'intl').map((control) => control.region))].sort();
  for (const region of regions) {
    groups.push({
      title: `Domestic controls: ${region}`,
      reason: `Large sites inside ${region}'s own network, checked only with a HEAD request. When they answer while every foreign site fails, the network is in "only domestic sites work" mode (an allowlist shutdown), which Blockwatch reports instead of blaming each service.`,
      patterns: uniqueSorted(catalogue.controls.filter((control) => control.region === region).map((control) => control.url)),
    });
  }
  groups.push({
    title: 'Speed controls',
    reason: 'Large files on fast unrelated networks, downloaded (at most 512 KiB each, within the daily data budget the person sets) to compare a service\'s speed with: throttling is a service much slower than these.',
    patterns: uniqueSorted(catalogue.throughputControls.map((control) => control.url)),
  });
  return groups;
}

export function permissionJustifications(catalogue: Catalogue = CATALOGUE): string {
  const lines: string[] = [
    '# Permission justifications (Chrome Web Store and AMO)',
    '',
    '<!-- Generated by scripts/store/permission-justifications.ts from the catalogue; do not edit by hand. -->',
    '',
    'Paste these into the Chrome Web Store\'s "Privacy practices" tab and keep them in AMO\'s notes to reviewers.',
    '',
    '## Single purpose',
    '',
    SINGLE_PURPOSE,
    '',
    '## Remote code',
    '',
    'No. Every script is in the package; nothing is fetched and run. The checks fetch only to time and classify the answers.',
    '',
    '## Data usage',
    '',
    'Blockwatch collects no user data: no personally identifiable information, health, financial, authentication, personal communications, location, web history or user activity, and no website content. Nothing is sold or transferred; nothing leaves the device except the checks themselves (store/privacy-policy.md).',
    '',
    '## API permissions',
    '',
    ...API_PERMISSIONS.flatMap((permission) => [`### \`${permission}\``, '', API_REASONS[permission], '']),
    '## Optional host permissions',
    '',
    `${OPTIONAL_HOST_PERMISSIONS.map((pattern) => `\`${pattern}\``).join(', ')}: ${OPTIONAL_REASON}`,
    '',
    '## Host permissions, by group',
    '',
    'Each host is one that Blockwatch checks; there is no catch-all pattern. Only Blockwatch\'s own requests go to them.',
    '',
  ];
  for (const group of hostGroups(catalogue)) {
    lines.push(`### ${group.title}`, '', group.reason, '', ...group.patterns.map((pattern) => `- \`${pattern}\``), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

const thisFile = fileURLToPath(import.meta.url);
if (process.argv[1] === thisFile) {
  writeFileSync(PERMISSIONS_FILE, permissionJustifications());
  process.stdout.write(`wrote ${PERMISSIONS_FILE}\n`);
}
