/**
 * The chooser: what to tell a person about one service, given its state, how it is blocked and
 * the country they are in. Pure; the data it draws on is in `advice.ts`.
 *
 * Order for a bad state (blocked, partial, slow): what is going on and how; what still works
 * (partial); cheap fixes for the kind of block (another DNS); the messenger's own feature with
 * its limits; separate tools for the kind of block; notes for the country; safety; where to get
 * help. `offline` offers no tool at all; `restricted` says plainly that most tools fail.
 */
import type { ComponentRole, CountryCode } from '../catalogue/types';
import { isHow, isState, type How, type State } from '../states';
import {
  COUNTRY_NOTES,
  FAMILY_OF_HOW,
  FAMILY_PLANS,
  HELP,
  HOW_EXPLANATION,
  KEEP_SEVERAL,
  LEGAL_GENERIC,
  NAMES_THE_SERVICE,
  OFFLINE_PLAN,
  OWN_FEATURES,
  PART_MESSAGES,
  PREPARE,
  RESTRICTED_PLAN,
  SAFETY,
  STATE_SUMMARY,
  USE_THE_APP,
  type BlockFamily,
  type CountryNotes,
  type StepGroup,
} from './advice';
import type { GuidanceMessageKey } from './message-keys';
import type { Advice, AdviceRequest, AdviceStep } from './types';

const COUNTRY_CODE = /^[A-Z]{2}$/;
/** Roles in the order their lines are said: the messages first, the rest after. */
const ROLE_ORDER: readonly ComponentRole[] = ['chat', 'web', 'media', 'registration', 'links', 'api'];

/**
 * Never throws. Input that cannot be right is set aside and the advice says what it was chosen
 * for: a state that is not a `State` reads as `unknown` (nothing to advise yet), a `how` that is
 * not a `How` or does not fit the state is dropped, a country that is not two letters reads as none.
 */
export function chooseAdvice(request: AdviceRequest): Advice {
  const state: State = isState(request.state) ? request.state : 'unknown';
  const how = fittingHow(state, request.how);
  const country = normalizeCountry(request.country);
  const serviceId = String(request.serviceId ?? '');
  const name = request.serviceName?.trim() || serviceId;
  const notes: CountryNotes = (country && COUNTRY_NOTES[country]) || {};

  const steps = new StepList(name);
  steps.add({ kind: 'summary', messageKey: STATE_SUMMARY[state] });

  switch (state) {
    case 'unknown':
      break;
    case 'reachable':
      // Only where blocks are known to start suddenly: elsewhere a tool list is noise.
      if (country && COUNTRY_NOTES[country]) {
        steps.add(PREPARE);
        addCautions(steps, notes);
      }
      break;
    case 'offline':
      steps.addGroups(OFFLINE_PLAN, notes);
      steps.addAll(notes.offline);
      break;
    case 'restricted':
      steps.addGroups(RESTRICTED_PLAN, notes);
      steps.addAll(notes.restricted);
      addCautions(steps, notes);
      steps.add(HELP);
      break;
    case 'blocked':
    case 'partial':
    case 'slow': {
      if (how) steps.add({ kind: 'explain', messageKey: HOW_EXPLANATION[how] });
      if (state === 'partial') steps.addAll(partLines(request.components));
      const family: BlockFamily = state === 'slow' ? 'throttle' : how ? FAMILY_OF_HOW[how] : 'unclear';
      const plan = FAMILY_PLANS[family];
      steps.addGroups(plan.beforeOwnFeature, notes);
      steps.addGroups(OWN_FEATURES[serviceId.toLowerCase()] ?? [], notes);
      steps.addGroups(plan.afterOwnFeature, notes);
      steps.add(KEEP_SEVERAL);
      steps.addAll(notes.bad);
      addCautions(steps, notes);
      steps.add(HELP);
      break;
    }
  }

  return { serviceId, state, ...(how ? { how } : {}), country, steps: steps.list() };
}

/** The legal warning (the country's own, else the general one), then the safety warnings. */
function addCautions(steps: StepList, notes: CountryNotes): void {
  steps.addAll(notes.legal && notes.legal.length > 0 ? notes.legal : [LEGAL_GENERIC]);
  steps.addAll(SAFETY);
}

/** `how` only means something for a blocked or partial service, and for `slow` only `stall`. */
function fittingHow(state: State, how: unknown): How | undefined {
  if (!isHow(how)) return undefined;
  if (state === 'blocked' || state === 'partial') return how;
  if (state === 'slow' && how === 'stall') return how;
  return undefined;
}

function normalizeCountry(country: unknown): CountryCode | null {
  if (typeof country !== 'string') return null;
  const code = country.trim().toUpperCase();
  return COUNTRY_CODE.test(code) ? code : null;
}

/**
 * What works and what does not, per role: a role is said to work when every component with it
 * answered, to be blocked when none did; a role with both is left unsaid rather than guessed.
 * If the web client is blocked while the message servers answer, the app is the way in.
 */
function partLines(components: AdviceRequest['components']): AdviceStep[] {
  const seen = new Map<ComponentRole, { ok: number; failed: number }>();
  for (const component of components ?? []) {
    if (!(component.role in PART_MESSAGES)) continue;
    const count = seen.get(component.role) ?? { ok: 0, failed: 0 };
    if (component.ok) count.ok += 1;
    else count.failed += 1;
    seen.set(component.role, count);
  }
  const works: AdviceStep[] = [];
  const blocked: AdviceStep[] = [];
  for (const role of ROLE_ORDER) {
    const count = seen.get(role);
    if (!count) continue;
    if (count.failed === 0) works.push({ kind: 'explain', messageKey: PART_MESSAGES[role].works });
    else if (count.ok === 0) blocked.push({ kind: 'explain', messageKey: PART_MESSAGES[role].blocked });
  }
  const chat = seen.get('chat');
  const web = seen.get('web');
  const appStillWorks = chat && chat.failed === 0 && web && web.ok === 0;
  return [...works, ...blocked, ...(appStillWorks ? [USE_THE_APP] : [])];
}

/** Steps in order, each message at most once, with the service's name filled in where the text needs it. */
class StepList {
  private readonly steps: AdviceStep[] = [];
  private readonly keys = new Set<GuidanceMessageKey>();

  constructor(private readonly serviceName: string) {}

  add(step: AdviceStep): void {
    if (this.keys.has(step.messageKey)) return;
    this.keys.add(step.messageKey);
    this.steps.push(NAMES_THE_SERVICE.has(step.messageKey) ? { ...step, substitutions: [this.serviceName] } : step);
  }

  addAll(steps: readonly AdviceStep[] | undefined): void {
    for (const step of steps ?? []) this.add(step);
  }

  /** Each group's lead, its caveats, then the country's notes for that lead. */
  addGroups(groups: readonly StepGroup[], notes: CountryNotes): void {
    for (const group of groups) {
      this.add(group.lead);
      this.addAll(group.caveats);
      this.addAll(notes.after?.[group.lead.messageKey]);
    }
  }

  list(): readonly AdviceStep[] {
    return this.steps;
  }
}
