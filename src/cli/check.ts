/**
 * `npm run check`: the engine in Node, one manual round (every endpoint of the chosen services)
 * from this machine's own network. On a machine without internet every control fails, so every
 * service reads `offline`, never `blocked`.
 */
import { readFileSync } from 'node:fs';
import { CATALOGUE } from '../catalogue';
import { createTranslate, type LocaleMessages } from '../i18n/translate';
import { runRound, type RoundResult } from '../round/run-round';
import { planRound } from '../schedule/plan-round';
import { INITIAL_ROTATION } from '../schedule/rotation';
import { guessCountry } from '../settings/country';
import { CHECK_USAGE, parseCheckArgs } from './args';
import { formatReport } from './format-report';
import { createNodeTransport } from './node-transport';

const EXIT_BAD_FLAGS = 2;

function loadEnglish(): LocaleMessages {
  const url = new URL('../../assets/_locales/en/messages.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as LocaleMessages;
}

function jsonReport(result: RoundResult, country: string | null): unknown {
  return {
    country,
    network: result.verdict.network,
    services: result.verdict.services.map((verdict) => ({
      name: CATALOGUE.services.find((service) => service.id === verdict.serviceId)?.name ?? verdict.serviceId,
      ...verdict,
    })),
    observations: result.observations,
    wireBytes: result.wireBytes,
  };
}

export async function main(argv: readonly string[]): Promise<number> {
  const known = CATALOGUE.services.map((service) => service.id);
  const parsed = parseCheckArgs(argv, known);
  if (!parsed.ok) {
    process.stderr.write(`blockwatch check: ${parsed.message}\n`);
    return EXIT_BAD_FLAGS;
  }
  const options = parsed.options;
  if (options.help) {
    process.stdout.write(`${CHECK_USAGE}\n`);
    return 0;
  }

  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const languages = [process.env.LC_ALL, process.env.LANG].filter((value): value is string => Boolean(value)).map((value) => value.split('.')[0]!.replace('_', '-'));
  const country = options.country ?? guessCountry(timeZone, languages);
  const services = options.services.length > 0 ? CATALOGUE.services.filter((service) => options.services.includes(service.id)) : CATALOGUE.services;
  const roundStart = Date.now();
  const { plan } = planRound({
    roundStart,
    kind: 'manual',
    services,
    controls: CATALOGUE.controls,
    throughputControls: CATALOGUE.throughputControls,
    country,
    rotation: INITIAL_ROTATION,
    throughputFor: options.throughput ? services.map((service) => service.id) : [],
  });

  const interactive = process.stderr.isTTY === true;
  process.stderr.write(
    `Checking ${services.length} service${services.length === 1 ? '' : 's'} from this network (country: ${country ?? 'none'}${options.country ? '' : ', guessed'})…\n`,
  );
  let lastShown = -1;
  const result = await runRound(plan, {
    probe: { transport: createNodeTransport(), now: () => Date.now(), blockpages: CATALOGUE.blockpages, bogusAddressPrefixes: CATALOGUE.bogusAddressPrefixes },
    country,
    onProgress: ({ done, total }) => {
      if (interactive) process.stderr.write(`\r  probed ${done}/${total}`);
      else if (done === total || done - lastShown >= 10) {
        process.stderr.write(`  probed ${done}/${total}\n`);
        lastShown = done;
      }
    },
  });
  if (interactive) process.stderr.write('\n');

  if (options.json) process.stdout.write(`${JSON.stringify(jsonReport(result, country), null, 2)}\n`);
  else {
    process.stdout.write(`${formatReport(result, services, plan.controls, createTranslate(loadEnglish()))}\n`);
  }
  return 0;
}
