/**
 * The background's job, without the browser: run rounds on schedule and on demand (never two at
 * once), confirm, save each round with the state it led to, notify once per incident, keep the
 * badge and open pages up to date. `extension/background/` wires browser APIs into `MonitorDeps`;
 * tests wire fakes and the lab.
 *
 * Crash safety: the round and the state it produced (tracks, schedule, notifications still to show,
 * data ledger) are saved in one transaction. Notifications are shown from that saved outbox and
 * then marked shown, so a worker killed anywhere shows each notification once: either the round
 * was not saved (it will be measured again) or its notifications are in the outbox (shown by the
 * next worker), and a shown one is never queued again.
 */
import type { Catalogue, Service } from '../catalogue/types';
import { ALARM_SLACK_MS, CONFIRMATION_SPACING_MS } from '../defaults';
import { confirmRound } from '../confirm/confirm-round';
import { decideNotifications } from '../notify/decide';
import type { ProbeTunables } from '../probe/probe';
import type { Transport } from '../probe/transport';
import { runRound, type RoundProgress } from '../round/run-round';
import { planRound, type RoundKind } from '../schedule/plan-round';
import { afterRound, nextRegularAt, suspicionAfter, usedThroughputSlot, type PendingConfirmation } from '../schedule/schedule-state';
import { checkNowSpeedSamples, unattendedSpeedSamples } from '../schedule/speed-samples';
import { isPaused, pauseFor, type PauseChoice } from '../settings/pause';
import { loadSettings, savePause, type SettingsStore } from '../settings/settings-store';
import type { Settings } from '../settings/schema';
import type { Snapshot } from '../snapshot/snapshot';
import { HOUR_MS, MINUTE_MS } from '../time-units';
import { remainingToday, spend, spentToday } from '../store/data-ledger';
import { StoreFullError } from '../store/store-full-error';
import type { HistoryPort } from './history-port';
import { notificationText, type NotificationText, type TextTools } from './notification-text';
import { withheldServices, type WithheldHosts } from './host-access';
import { enqueue, markShown, type RuntimeState } from './runtime-state';
import { servicesInForce } from './services-in-force';
import { snapshotFrom } from './snapshot-from';

/** How often history is pruned at most, ms: pruning walks the oldest records, not worth doing every round. */
export const PRUNE_EVERY_MS = 6 * HOUR_MS;
/**
 * A worker that wakes with no schedule and no round ever run arms the first round this much later,
 * ms: the install or start-up event that runs the first round is usually on its way.
 */
export const FIRST_ROUND_GRACE_MS = 30_000;

/**
 * The watchdog's period, minutes: it re-arms a round alarm found missing or overdue, so monitoring
 * resumes within this long whatever stopped it. Three default round intervals: rare enough to cost
 * nothing, soon enough that a stop is not noticed by the person before it mends.
 */
export const WATCHDOG_PERIOD_MIN = 15;
/**
 * A one-shot alarm (a round's or a confirmation's) this far in the past, ms, was not fired by the
 * browser (one that fired is gone): the watchdog arms it again. One minute: well past the
 * browser's own lateness.
 */
export const ALARM_OVERDUE_MS = 60_000;

/** `watchdog` mends a lost schedule; `resume` ends a timed pause. */
export type AlarmName = 'round' | 'confirm' | 'watchdog' | 'resume';
export type StartReason = 'install' | 'startup' | 'wake';

export interface MonitorEffects {
  /** Arms (or re-arms) a one-shot alarm at `at` (ms since the epoch); `null` clears it. */
  armAlarm(name: AlarmName, at: number | null): Promise<void>;
  /** Arms an alarm that fires every `periodMin` minutes (first in `periodMin`). */
  armRepeating(name: 'watchdog', periodMin: number): Promise<void>;
  /** When the alarm is due, or null when it is not armed. */
  alarmAt(name: AlarmName): Promise<number | null>;
  /** Shows a system notification with this id. */
  notify(id: string, text: NotificationText): Promise<void>;
  /** Badge, icon and tooltip for this snapshot. */
  showState(snapshot: Snapshot): Promise<void>;
  /** Tells open pages. */
  publish(snapshot: Snapshot): void;
  log(message: string): void;
  /** Which of these host match patterns the extension may not reach (the person withheld site access). */
  withheldHosts: WithheldHosts;
}

export interface MonitorClock {
  now(): number;
  /** The local zone's offset from UTC, minutes east. */
  utcOffsetMin(): number;
  /** In [0, 1), for jitter. */
  random(): number;
}

export interface MonitorDeps {
  readonly catalogue: Catalogue;
  readonly history: HistoryPort;
  readonly settings: SettingsStore;
  /** Defaults for a first run (the country guessed from the environment). */
  readonly defaultSettings: Settings;
  readonly transport: Transport;
  readonly clock: MonitorClock;
  readonly effects: MonitorEffects;
  /** Locale words and the user's time format, for notifications. */
  readonly text: Omit<TextTools, 'serviceName'>;
  /** Shorter probe timers (tests only). */
  readonly probeTunables?: Partial<ProbeTunables>;
}

export interface RoundOutcome {
  /** The round's start, ms since the epoch. */
  readonly roundStart: number;
  readonly kind: RoundKind;
  readonly saved: boolean;
}

interface RoundRequest {
  readonly kind: RoundKind;
  /** Only these services (on-demand speed measurement). */
  readonly only?: readonly string[];
  readonly measure?: readonly string[];
}

export interface Monitor {
  start(reason: StartReason): Promise<void>;
  onAlarm(name: AlarmName): Promise<void>;
  /** "Check now": a full round, or the one already running. */
  runNow(): Promise<{ joined: boolean; paused?: true }>;
  measureSpeed(serviceId: string): Promise<{ ok: true } | { ok: false; reason: 'unknown_service' | 'no_object' | 'budget_spent' | 'paused' }>;
  snapshot(): Promise<Snapshot>;
  /** After the settings or the history changed (an update, an import, a clear): re-arm the schedule, show the new state. */
  afterChange(): Promise<void>;
  /**
   * Pause: no probe and no notification until `resume()` or the chosen time. A round already
   * running finishes (its requests are in flight); nothing starts after it.
   */
  pause(choice: PauseChoice): Promise<void>;
  /** Ends a pause and runs the next round at once. */
  resume(): Promise<void>;
  /** The round in progress, if any (tests wait on it). */
  readonly running: Promise<RoundOutcome> | null;
}

export function createMonitor(deps: MonitorDeps): Monitor {
  const { clock, effects, history } = deps;
  let running: Promise<RoundOutcome> | null = null;
  /** Starts (install, start-up, wake-up) one after another: two at once would race to arm the schedule. */
  let starts: Promise<void> = Promise.resolve();
  let activity: Snapshot['activity'] = { running: false, done: 0, total: 0 };
  let lastSnapshot: Snapshot | null = null;

  const settings = (): Promise<Settings> => loadSettings(deps.settings, deps.defaultSettings);
  const nameOf = (services: readonly Service[]) => (id: string): string => services.find((service) => service.id === id)?.name ?? id;

  async function readSnapshot(state?: RuntimeState): Promise<Snapshot> {
    const config = await settings();
    const services = servicesInForce(deps.catalogue, config, () => clock.now());
    const ids = services.map((service) => service.id);
    const [current, strip, saved, noAccess] = await Promise.all([
      history.latestRecords(ids),
      history.last24h(clock.now(), ids),
      state ? Promise.resolve(state) : history.loadRuntime(),
      withheldServices(services, effects.withheldHosts),
    ]);
    const snapshot = snapshotFrom({
      now: clock.now(),
      services,
      runtime: saved,
      current,
      strip,
      activity,
      settings: config,
      nextRoundAt: nextRegularAt(saved.schedule, clock.now(), config.intervalMin, 0),
      dataUsedToday: spentToday(saved.ledger, clock.now(), clock.utcOffsetMin()),
      noAccess,
    });
    lastSnapshot = snapshot;
    return snapshot;
  }

  async function refresh(state?: RuntimeState): Promise<Snapshot> {
    const snapshot = await readSnapshot(state);
    effects.publish(snapshot);
    // The toolbar is a view: failing to draw it must not fail what the person asked for.
    await effects.showState(snapshot).catch((error: unknown) => effects.log(`toolbar not updated: ${error instanceof Error ? error.message : String(error)}`));
    return snapshot;
  }

  function showProgress(progress: RoundProgress, kind: RoundKind): void {
    activity = { running: true, kind, done: progress.done, total: progress.total };
    if (lastSnapshot) effects.publish({ ...lastSnapshot, activity });
  }

  async function flushOutbox(state: RuntimeState, services: readonly Service[]): Promise<RuntimeState> {
    let current = state;
    for (const notification of state.outbox) {
      if (current.notified.includes(notification.id)) {
        current = markShown(current, notification.id);
        continue;
      }
      try {
        await effects.notify(notification.id, notificationText(notification, { ...deps.text, serviceName: nameOf(services) }));
      } catch (error) {
        // A notification that cannot be shown is not retried forever: the popup shows the state anyway.
        effects.log(`notification ${notification.id} not shown: ${error instanceof Error ? error.message : String(error)}`);
      }
      current = markShown(current, notification.id);
      await history.saveRuntime(current);
    }
    return current;
  }

  /** While paused, only the alarm that ends the pause is armed. */
  async function armPaused(config: Settings): Promise<void> {
    await effects.armAlarm('round', null);
    await effects.armAlarm('confirm', null);
    await effects.armAlarm('resume', config.pause?.until ?? null);
  }

  async function armSchedule(state: RuntimeState, config: Settings): Promise<void> {
    const now = clock.now();
    if (isPaused(config.pause, now)) return armPaused(config);
    await effects.armAlarm('round', nextRegularAt(state.schedule, now, config.intervalMin, clock.random()));
    await effects.armAlarm('confirm', state.schedule.pending ? Math.max(now, state.schedule.pending.dueAt) : null);
  }

  /** A woken worker re-arms only what is missing, so the jitter of a round already armed stays put. */
  async function ensureSchedule(state: RuntimeState, config: Settings): Promise<void> {
    const now = clock.now();
    if (isPaused(config.pause, now)) return armPaused(config);
    if ((await effects.alarmAt('round')) === null) {
      const at = state.schedule.lastRoundAt === null ? now + FIRST_ROUND_GRACE_MS : nextRegularAt(state.schedule, now, config.intervalMin, clock.random());
      await effects.armAlarm('round', at);
    }
    await mendConfirmAlarm(state.schedule.pending, now);
  }

  /**
   * The confirmation alarm agrees with what is owed: cleared when nothing is; when a confirmation
   * is owed and its alarm is missing (a one-shot alarm is gone once fired) or overdue, armed at its
   * due time, no sooner than `earliest`. Says what it mended, if anything.
   */
  async function mendConfirmAlarm(pending: PendingConfirmation | null, earliest: number): Promise<'missing' | 'overdue' | null> {
    const armedAt = await effects.alarmAt('confirm');
    if (pending === null) {
      if (armedAt !== null) await effects.armAlarm('confirm', null);
      return null;
    }
    if (armedAt !== null && armedAt >= clock.now() - ALARM_OVERDUE_MS) return null;
    await effects.armAlarm('confirm', Math.max(pending.dueAt, earliest));
    return armedAt === null ? 'missing' : 'overdue';
  }

  /**
   * A round that threw (a database error, a transport that throws) still leaves the next one armed,
   * and a confirmation still owed: monitoring never stops silently.
   */
  async function armAfterFailure(): Promise<void> {
    await armNextRoundAfterFailure();
    await armOwedConfirmation('after a failed round');
  }

  /** The regular round that fired is gone (alarms are one-shot): an interval from now, unless something armed one meanwhile. */
  async function armNextRoundAfterFailure(): Promise<void> {
    try {
      const armed = await effects.alarmAt('round');
      if (armed !== null && armed > clock.now()) return;
      const intervalMin = await settings().then(
        (config) => config.intervalMin,
        () => deps.defaultSettings.intervalMin,
      );
      await effects.armAlarm('round', clock.now() + intervalMin * MINUTE_MS);
    } catch (error) {
      // The watchdog arms it within WATCHDOG_PERIOD_MIN.
      effects.log(`next round not armed after a failed round: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * A confirmation round still owed keeps an alarm. A failed confirmation round used its alarm
   * and saved nothing, so without this the block or slowdown it was confirming would wait for the
   * next regular round, an interval away. Never sooner than CONFIRMATION_SPACING_MS from now: a
   * database that keeps failing is not hammered.
   */
  async function armOwedConfirmation(why: string): Promise<void> {
    try {
      const mended = await mendConfirmAlarm((await history.loadRuntime()).schedule.pending, clock.now() + CONFIRMATION_SPACING_MS);
      if (mended !== null) effects.log(`confirmation alarm ${mended} ${why}; armed again`);
    } catch (error) {
      effects.log(`confirmation alarm not checked ${why}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async function executeRound(request: RoundRequest): Promise<RoundOutcome> {
    let armed = false;
    try {
      const outcome = await probeAndSave(request, () => {
        armed = true;
      });
      return outcome;
    } catch (error) {
      effects.log(`round failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    } finally {
      if (!armed) await armAfterFailure();
    }
  }

  async function ensureWatchdog(): Promise<void> {
    if ((await effects.alarmAt('watchdog')) === null) await effects.armRepeating('watchdog', WATCHDOG_PERIOD_MIN);
  }

  /** The watchdog's round: a missing or overdue round alarm is armed again, and so is an owed confirmation's. */
  async function watchdog(): Promise<void> {
    if (running) return;
    const now = clock.now();
    // Paused: no round is owed; the `resume` alarm (or a click) brings them back.
    const paused = await settings().then((config) => isPaused(config.pause, now), () => false);
    if (paused) return;
    await mendRoundAlarm(now);
    await armOwedConfirmation('(watchdog)');
  }

  async function mendRoundAlarm(now: number): Promise<void> {
    const armedAt = await effects.alarmAt('round');
    if (armedAt !== null && armedAt >= now - ALARM_OVERDUE_MS) return;
    let at = now;
    if (armedAt === null) {
      try {
        const [config, state] = await Promise.all([settings(), history.loadRuntime()]);
        at = nextRegularAt(state.schedule, now, config.intervalMin, clock.random());
      } catch (error) {
        effects.log(`watchdog: schedule unreadable (${error instanceof Error ? error.message : String(error)}); next round now`);
      }
    }
    effects.log(`watchdog: the round alarm was ${armedAt === null ? 'missing' : 'overdue'}; armed again`);
    await effects.armAlarm('round', at);
  }

  async function probeAndSave(request: RoundRequest, onArmed: () => void): Promise<RoundOutcome> {
    const config = await settings();
    // Paused: nothing goes on the wire, whatever asked for the round.
    if (isPaused(config.pause, clock.now())) {
      // Nothing to arm either: only the pause's own alarm runs until it ends.
      onArmed();
      return { roundStart: clock.now(), kind: request.kind, saved: false };
    }
    let state = await history.loadRuntime();
    const now = clock.now();
    const utcOffsetMin = clock.utcOffsetMin();
    const inForce = servicesInForce(deps.catalogue, config, () => clock.now());
    // A service whose hosts the person withheld is not probed: its probes would fail like a block.
    const noAccess = await withheldServices(inForce, effects.withheldHosts);
    const services = (request.only ? inForce.filter((service) => request.only?.includes(service.id)) : inForce).filter((service) => !noAccess.has(service.id));
    const budgetLeft = config.throughputEnabled ? remainingToday(state.ledger, config.dataBudgetBytesPerDay, now, utcOffsetMin) : 0;

    let throughputFor: string[] = [...(request.measure ?? [])];
    let schedule = state.schedule;
    const sampling = {
      services,
      throughputAt: schedule.rotation.throughputAt,
      throughputControls: deps.catalogue.throughputControls,
      budgetLeftBytes: budgetLeft,
    };
    if (request.kind === 'regular') {
      const due = config.throughputEnabled ? unattendedSpeedSamples({ ...sampling, now, country: config.country, intervalMin: config.intervalMin }) : [];
      if (due.length > 0) {
        throughputFor.push(...due);
        schedule = usedThroughputSlot(schedule, now);
      }
    } else if (request.kind === 'manual' && request.measure === undefined) {
      // "Check now" measures speed too (README, "How a state is decided": Speed): one click can show a throttled or
      // stalled service as slow.
      if (config.throughputEnabled) throughputFor.push(...checkNowSpeedSamples(sampling));
    }
    // A slowdown being confirmed is sampled again by every scheduled round, the regular one too (its
    // confirmation alarm was lost, or the interval is short): a round without a sample says nothing
    // of the speed, and the suspicion would be dropped unconfirmed.
    if (request.kind !== 'manual') throughputFor.push(...(state.schedule.pending?.throughputFocus ?? []));
    throughputFor = [...new Set(throughputFor)];
    if (budgetLeft <= 0 && !request.measure) throughputFor = [];

    const { plan, rotation } = planRound({
      roundStart: now,
      kind: request.kind,
      services,
      controls: deps.catalogue.controls,
      throughputControls: deps.catalogue.throughputControls,
      country: config.country,
      rotation: schedule.rotation,
      ...(request.kind === 'confirm' ? { focus: state.schedule.pending?.focus ?? [] } : {}),
      throughputFor,
    });

    activity = { running: true, kind: request.kind, done: 0, total: plan.probes.length };
    if (lastSnapshot) effects.publish({ ...lastSnapshot, activity });

    const result = await runRound(plan, {
      probe: {
        transport: deps.transport,
        now: () => clock.now(),
        blockpages: deps.catalogue.blockpages,
        bogusAddressPrefixes: deps.catalogue.bogusAddressPrefixes,
        ...(deps.probeTunables ? { tunables: deps.probeTunables } : {}),
      },
      country: config.country,
      extraThroughput: budgetLeft > 0,
      onProgress: (progress) => showProgress(progress, request.kind),
    });

    const end = clock.now();
    const { tracks, changes } = confirmRound(state.tracks, result.verdict);
    const suspicion = suspicionAfter(tracks, plan.roundStart);
    const nextSchedule = afterRound(schedule, request.kind, suspicion, rotation, end);
    state = enqueue(
      {
        ...state,
        tracks,
        schedule: nextSchedule,
        ledger: spend(state.ledger, result.wireBytes, end, utcOffsetMin),
      },
      decideNotifications(changes, config.notifications),
    );

    let saved = false;
    try {
      await history.saveRound({ verdict: result.verdict, observations: result.observations, changes, utcOffsetMin, intervalMin: config.intervalMin }, state);
      saved = true;
    } catch (error) {
      if (!(error instanceof StoreFullError)) throw error;
      // Make room and try once more; if the disk is still full, the round is dropped, old data stays.
      effects.log(`round ${plan.roundStart} not saved: ${error.message}; pruning`);
      await history.prune(end, undefined).catch(() => undefined);
      try {
        await history.saveRound({ verdict: result.verdict, observations: result.observations, changes, utcOffsetMin, intervalMin: config.intervalMin }, state);
        saved = true;
      } catch (again) {
        effects.log(`round ${plan.roundStart} dropped: ${again instanceof Error ? again.message : String(again)}`);
      }
    }
    // A dropped round changes nothing stored, but the schedule still moves on: re-running at once
    // would only fill a full disk faster.
    const plannedSchedule = state.schedule;
    if (!saved) state = await history.loadRuntime();

    // Paused while this round ran: its notifications wait in the outbox, and only the pause's alarm is armed.
    const latest = await settings();
    const pausedNow = isPaused(latest.pause, clock.now());
    if (!pausedNow) state = await flushOutbox(state, inForce);
    if (saved && (state.lastPrunedAt === null || end - state.lastPrunedAt >= PRUNE_EVERY_MS)) {
      try {
        await history.prune(end);
        state = { ...state, lastPrunedAt: end };
        await history.saveRuntime(state);
      } catch (error) {
        effects.log(`pruning failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    activity = { running: false, done: activity.total, total: activity.total };
    await armSchedule(saved ? state : { ...state, schedule: plannedSchedule }, latest);
    onArmed();
    await refresh(state);
    return { roundStart: plan.roundStart, kind: request.kind, saved };
  }

  /** One round at a time: a request while one runs joins it. */
  function round(request: RoundRequest): { promise: Promise<RoundOutcome>; joined: boolean } {
    if (running) return { promise: running, joined: true };
    const promise = executeRound(request).finally(() => {
      running = null;
      activity = { ...activity, running: false };
    });
    running = promise;
    return { promise, joined: false };
  }

  async function resumeChecks(): Promise<void> {
    await savePause(deps.settings, null, deps.defaultSettings);
    await effects.armAlarm('resume', null);
    // The next round at once; it re-arms the schedule when it ends.
    await round({ kind: 'regular' }).promise;
  }

  return {
    get running() {
      return running;
    },

    start(reason) {
      const begin = async (): Promise<void> => {
        // First, whatever fails after it: the watchdog mends a schedule that a failure left unarmed.
        await ensureWatchdog();
        const config = await settings();
        let state = await history.loadRuntime();
        if (isPaused(config.pause, clock.now())) {
          // No notification and no round while paused; only the alarm that ends the pause.
          await armPaused(config);
          return;
        }
        state = await flushOutbox(state, servicesInForce(deps.catalogue, config, () => clock.now()));
        if (reason === 'install' || reason === 'startup') {
          await round({ kind: reason === 'install' ? 'manual' : 'regular' }).promise;
          return;
        }
        // A round in progress arms the schedule when it ends. Nothing else to do on a wake-up: the
        // toolbar keeps what it showed, and pages ask for the snapshot themselves.
        if (running) return;
        await ensureSchedule(state, config);
      };
      const next = starts.then(begin, begin);
      starts = next.catch(() => undefined);
      return next;
    },

    async onAlarm(name) {
      if (name === 'watchdog') {
        await watchdog();
        return;
      }
      if (name !== 'resume' && isPaused((await settings()).pause, clock.now())) return;
      // An alarm that fires while a round is still finishing must not just join it (its own round
      // would be lost): let that round end, then see whether this alarm is still due — the round
      // re-arms the schedule, so a firing it made stale finds its alarm armed again for later.
      if (running) {
        await running.catch(() => undefined);
        const armed = await effects.alarmAt(name);
        if (armed !== null && armed > clock.now() + ALARM_SLACK_MS) return;
      }
      if (name === 'resume') {
        const config = await settings();
        if (config.pause === null) return;
        if (config.pause.until !== null && config.pause.until > clock.now() + ALARM_SLACK_MS) {
          await effects.armAlarm('resume', config.pause.until);
          return;
        }
        if (config.pause.until === null) return;
        await resumeChecks();
        return;
      }
      if (name === 'round') {
        await round({ kind: 'regular' }).promise;
        return;
      }
      const state = await history.loadRuntime();
      const pending = state.schedule.pending;
      if (pending === null) return;
      if (pending.dueAt > clock.now() + ALARM_SLACK_MS) {
        await effects.armAlarm('confirm', pending.dueAt);
        return;
      }
      await round({ kind: 'confirm' }).promise;
    },

    async runNow() {
      if (isPaused((await settings()).pause, clock.now())) return { joined: false, paused: true };
      const { promise, joined } = round({ kind: 'manual' });
      await promise;
      return { joined };
    },

    async measureSpeed(serviceId) {
      const config = await settings();
      if (isPaused(config.pause, clock.now())) return { ok: false, reason: 'paused' };
      const service = servicesInForce(deps.catalogue, config, () => clock.now()).find((entry) => entry.id === serviceId);
      if (!service) return { ok: false, reason: 'unknown_service' };
      if (!service.throughput) return { ok: false, reason: 'no_object' };
      const state = await history.loadRuntime();
      if (remainingToday(state.ledger, config.dataBudgetBytesPerDay, clock.now(), clock.utcOffsetMin()) < 2 * service.throughput.bytes) {
        return { ok: false, reason: 'budget_spent' };
      }
      await round({ kind: 'manual', only: [serviceId], measure: [serviceId] }).promise;
      return { ok: true };
    },

    snapshot: () => readSnapshot(),

    async pause(choice) {
      const config = await savePause(deps.settings, pauseFor(choice, clock.now()), deps.defaultSettings);
      await armPaused(config);
      await refresh();
    },

    resume: resumeChecks,

    async afterChange() {
      const config = await settings();
      const state = await history.loadRuntime();
      await armSchedule(state, config);
      await refresh(state);
    },
  };
}
