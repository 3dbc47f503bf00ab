/**
 * `npm run check` flags. Bad flags get a message that says what is wrong and what is allowed;
 * nothing runs until the flags are right.
 */
export interface CheckOptions {
  readonly json: boolean;
  /** Service ids to check; empty means every catalogue service. */
  readonly services: readonly string[];
  /** ISO 3166 alpha-2, upper case; null means guess from the time zone and language. */
  readonly country: string | null;
  /** Also measure each service's throughput (64 KiB each, plus a control). */
  readonly throughput: boolean;
  readonly help: boolean;
}

export type ParseResult = { readonly ok: true; readonly options: CheckOptions } | { readonly ok: false; readonly message: string };

export const CHECK_USAGE = `Usage: npm run check -- [options]

Checks, from this machine's network, whether each messenger in the catalogue is reachable,
blocked or throttled, and prints one table per service.

Options:
  --service <ids>   only these services (comma-separated, or repeat the flag)
  --country <CC>    your country as an ISO 3166 code (RU, IR, CN, TR…): picks domestic controls
                    (default: guessed from the time zone)
  --throughput      also measure each service's speed (about 64 KiB per service)
  --json            one JSON document on stdout instead of tables
  -h, --help        this text`;

export function parseCheckArgs(argv: readonly string[], knownServices: readonly string[]): ParseResult {
  let json = false;
  let throughput = false;
  let help = false;
  let country: string | null = null;
  const services: string[] = [];

  const valueOf = (flag: string, inline: string | undefined, index: number): { value?: string; next: number; error?: string } => {
    if (inline !== undefined) return inline === '' ? { next: index, error: `${flag} needs a value` } : { value: inline, next: index };
    const value = argv[index + 1];
    if (value === undefined || value.startsWith('-')) return { next: index, error: `${flag} needs a value` };
    return { value, next: index + 1 };
  };

  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    switch (flag) {
      case '--json':
        json = true;
        break;
      case '--throughput':
        throughput = true;
        break;
      case '-h':
      case '--help':
        help = true;
        break;
      case '--service':
      case '--services': {
        const { value, next, error } = valueOf(flag, inline, i);
        if (error !== undefined || value === undefined) return { ok: false, message: `${error}: one or more of ${knownServices.join(', ')}` };
        i = next;
        for (const id of value.split(',').map((part) => part.trim().toLowerCase()).filter(Boolean)) {
          if (!knownServices.includes(id)) return { ok: false, message: `unknown service "${id}": choose from ${knownServices.join(', ')}` };
          if (!services.includes(id)) services.push(id);
        }
        break;
      }
      case '--country': {
        const { value, next, error } = valueOf(flag, inline, i);
        if (error !== undefined || value === undefined) return { ok: false, message: `${error}: a two-letter country code such as RU, IR, CN or TR` };
        i = next;
        if (!/^[A-Za-z]{2}$/.test(value)) return { ok: false, message: `--country "${value}" is not a two-letter country code (such as RU, IR, CN or TR)` };
        country = value.toUpperCase();
        break;
      }
      default:
        return { ok: false, message: `unknown option "${arg}"; see --help` };
    }
  }
  return { ok: true, options: { json, services, country, throughput, help } };
}
