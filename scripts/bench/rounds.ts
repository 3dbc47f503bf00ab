/**
 * Rounds against the Node lab with the production timers: wall time and CPU of a full-catalogue
 * round with everything up and with everything black-holed, and bytes on the wire — the probes'
 * own estimate and what the lab's servers counted (TLS handshakes and headers included; the lab's
 * certificates are small EC ones, so real handshakes cost more) — for a light regular round and a
 * full sweep. Then a day at the defaults: a regular round every 5 min with its rotation and a
 * speed samples (YouTube, X and Telegram every 2 h in Russia, the rest every 6 h), run by the real
 * monitor on a virtual clock for 12 hours (two 6-hour cycles) and scaled to a day.
 */
import { CATALOGUE } from '../../src/catalogue';
import { createNodeTransport } from '../../src/cli/node-transport';
import { runRound, type RoundResult } from '../../src/round/run-round';
import { planRound, type RoundKind } from '../../src/schedule/plan-round';
import { INITIAL_ROTATION, type Rotation } from '../../src/schedule/rotation';
import { createLab, type Lab } from '../../tests/lab/lab';
import { virtualMonitor } from './virtual-monitor';

export interface RoundFigures {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly estimatedBytes: number;
  readonly labBytes: number;
  readonly requests: number;
  readonly state: string;
}

export interface RoundsReport {
  readonly sweepAllUp: RoundFigures;
  readonly lightAllUp: RoundFigures;
  readonly sweepAllBlackholed: RoundFigures;
  readonly perDay: { readonly labBytes: number; readonly estimatedBytes: number; readonly rounds: number; readonly throughputProbes: number };
}

async function measure(lab: Lab, kind: RoundKind, rotation: Rotation = INITIAL_ROTATION): Promise<{ figures: RoundFigures; rotation: Rotation }> {
  const bytesBefore = lab.bytes();
  const { plan, rotation: next } = planRound({
    roundStart: Date.now(),
    kind,
    services: CATALOGUE.services,
    controls: CATALOGUE.controls,
    throughputControls: CATALOGUE.throughputControls,
    country: 'RU',
    rotation,
    throughputFor: [],
  });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result: RoundResult = await runRound(plan, {
    probe: { transport: createNodeTransport(lab.network()), now: () => Date.now(), blockpages: CATALOGUE.blockpages, bogusAddressPrefixes: CATALOGUE.bogusAddressPrefixes },
    country: 'RU',
  });
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  // Let the servers finish counting the last closes.
  await new Promise((resolve) => setTimeout(resolve, 200));
  return {
    figures: {
      wallMs,
      cpuMs: (used.user + used.system) / 1000,
      estimatedBytes: result.wireBytes,
      labBytes: lab.bytes() - bytesBefore,
      requests: result.observations.length,
      state: result.verdict.network.state,
    },
    rotation: next,
  };
}

export async function benchRounds(): Promise<RoundsReport> {
  const lab = await createLab();
  try {
    // Warm-up: certificates are made on first use.
    await measure(lab, 'manual');
    const sweepAllUp = (await measure(lab, 'manual')).figures;
    const lightAllUp = (await measure(lab, 'regular')).figures;
    lab.everything().behave('blackhole');
    const sweepAllBlackholed = (await measure(lab, 'manual')).figures;
    lab.reset();

    const HOURS = 12;
    // 00:05 local time (the virtual monitor's zone is UTC+3): the 12 hours stay in one local day,
    // whose usage counter (`dataUsedToday`) is the estimate read below. Started at noon, the run
    // ended just after midnight and read only minutes of it (0.1 MB a day).
    const start = Date.UTC(2026, 1, 11, 21, 5);
    const day = await virtualMonitor(lab, start);
    await day.monitor.start('startup');
    const bytesBefore = lab.bytes();
    let rounds = 0;
    let throughputProbes = 0;
    let estimated = 0;
    while (day.now() < start + HOURS * 3_600_000) {
      const fired = await day.step();
      if (fired.name === 'round') rounds += 1;
    }
    const history = await day.monitor.snapshot();
    estimated = history.dataUsedToday;
    const objects = new Set(
      [...CATALOGUE.services.flatMap((service) => (service.throughput ? [service.throughput.url] : [])), ...CATALOGUE.throughputControls.map((control) => control.url)].map((url) => {
        const parsed = new URL(url);
        return `${parsed.hostname}${parsed.pathname}${parsed.search}`;
      }),
    );
    throughputProbes = lab.requests().filter((request) => objects.has(`${request.host}${request.path}`)).length;
    const labBytes = lab.bytes() - bytesBefore;
    const scale = 24 / HOURS;
    return {
      sweepAllUp,
      lightAllUp,
      sweepAllBlackholed,
      perDay: { labBytes: labBytes * scale, estimatedBytes: estimated * scale, rounds: rounds * scale, throughputProbes: throughputProbes * scale },
    };
  } finally {
    await lab.close();
  }
}
