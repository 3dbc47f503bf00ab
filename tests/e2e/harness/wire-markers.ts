/**
 * What a filter on the path could learn about the install from a probe's request headers: an
 * `Origin`, an extension scheme (`chrome-extension:`, `moz-extension:`), the extension's id or
 * internal UUID anywhere in a header, or any header that differs between two fresh installs (a
 * per-install value) where a plain page load of the same URL in the same two profiles shows no such
 * difference. Pure: the lab records the headers, this judges them; shared by the Chromium scenario
 * and the Firefox check.
 */

export interface WireRequest {
  readonly method: string;
  readonly tls: boolean;
  readonly host: string;
  readonly path: string;
  readonly headers: readonly (readonly [name: string, value: string])[];
}

export interface InstallCapture {
  /** "install A", "install B". */
  readonly label: string;
  /** What identifies this install: the extension id, the internal UUID. Looked for in every header, any case. */
  readonly identifiers: readonly string[];
  /** Every request the lab served while only this install ran. */
  readonly probes: readonly WireRequest[];
  /** A plain page load in this install's profile (a tab navigated to a probed URL), the baseline. */
  readonly pageLoads: readonly WireRequest[];
}

/** Schemes an extension's own documents have: one in a header names the extension. */
export const EXTENSION_SCHEMES: readonly string[] = ['chrome-extension:', 'moz-extension:'];

/** "POST http://149.154.167.51/": a probe's kind, the same in both installs. */
export function requestKind(request: WireRequest): string {
  return `${request.method} ${request.tls ? 'https' : 'http'}://${request.host}${request.path}`;
}

/** Header name (lower case) → its values in order, joined: what to compare between installs. */
function headerMap(request: WireRequest): Map<string, string> {
  const map = new Map<string, string>();
  for (const [name, value] of request.headers) {
    const key = name.toLowerCase();
    map.set(key, map.has(key) ? `${map.get(key) ?? ''}, ${value}` : value);
  }
  return map;
}

/** Header names whose value (or presence) differs between two requests. */
function differingHeaders(a: WireRequest, b: WireRequest): string[] {
  const left = headerMap(a);
  const right = headerMap(b);
  return [...new Set([...left.keys(), ...right.keys()])].filter((name) => left.get(name) !== right.get(name)).sort();
}

/** One finding per header that gives the install away; empty when nothing does. */
export function wireFindings(a: InstallCapture, b: InstallCapture): string[] {
  const findings: string[] = [];
  for (const install of [a, b]) {
    const identifiers = install.identifiers.filter((id) => id.length > 0).map((id) => id.toLowerCase());
    for (const request of install.probes) {
      for (const [name, value] of request.headers) {
        const where = `${install.label}, ${requestKind(request)}: ${name}: ${value}`;
        if (name.toLowerCase() === 'origin') findings.push(`an Origin header (${where})`);
        const lower = value.toLowerCase();
        if (EXTENSION_SCHEMES.some((scheme) => lower.includes(scheme))) findings.push(`an extension scheme (${where})`);
        if (identifiers.some((id) => lower.includes(id) || name.toLowerCase().includes(id))) findings.push(`the install's id (${where})`);
      }
    }
  }
  // Headers a plain page load already shows differing between the two profiles are not the probes' doing.
  const pageDiffer = new Set<string>();
  for (const load of a.pageLoads) {
    const other = b.pageLoads.find((candidate) => requestKind(candidate) === requestKind(load));
    if (other) for (const name of differingHeaders(load, other)) pageDiffer.add(name);
  }
  const firstOf = (probes: readonly WireRequest[]): Map<string, WireRequest> => {
    const byKind = new Map<string, WireRequest>();
    for (const request of probes) if (!byKind.has(requestKind(request))) byKind.set(requestKind(request), request);
    return byKind;
  };
  const inB = firstOf(b.probes);
  for (const [kind, request] of firstOf(a.probes)) {
    const other = inB.get(kind);
    if (!other) continue;
    for (const name of differingHeaders(request, other)) {
      if (pageDiffer.has(name)) continue;
      const value = (probe: WireRequest): string => headerMap(probe).get(name) ?? '(absent)';
      findings.push(`${name} differs between the installs on ${kind}: ${a.label} "${value(request)}", ${b.label} "${value(other)}"`);
    }
  }
  return findings;
}

/** The probe kinds both installs sent: what the comparison covered. */
export function sharedKinds(a: InstallCapture, b: InstallCapture): string[] {
  const inB = new Set(b.probes.map(requestKind));
  return [...new Set(a.probes.map(requestKind))].filter((kind) => inB.has(kind)).sort();
}

/** "POST http: Accept, Origin, User-Agent": each request shape's header names, for the report. */
export function headerNamesByShape(probes: readonly WireRequest[]): Record<string, string> {
  const shapes: Record<string, Set<string>> = {};
  for (const request of probes) {
    const shape = `${request.method} ${request.tls ? 'https' : 'http'}`;
    const names = (shapes[shape] ??= new Set<string>());
    for (const [name] of request.headers) names.add(name.toLowerCase());
  }
  return Object.fromEntries(Object.entries(shapes).map(([shape, names]) => [shape, [...names].sort().join(', ')]));
}
