/**
 * Checks a change to the settings that a page asks for. The change is a partial Settings
 * (`notifications` may be partial too); every field is checked and every problem reported, each
 * with a code the page maps to a message. If anything is wrong nothing changes.
 */
import { isFields, type Fields } from '../fields';
import {
  booleanRule,
  countryRule,
  customTargetsRule,
  dataBudgetRule,
  idListRule,
  intervalRule,
  type Rule,
  type SettingsErrorCode,
} from './field-rules';
import type { Settings } from './schema';

export interface SettingsFieldError {
  /** `intervalMin`, `notifications.muted`…, or `` for the change as a whole. */
  readonly field: string;
  readonly code: SettingsErrorCode;
  /** For lists: the position of the bad item. */
  readonly index?: number;
}

export type SettingsValidation =
  | { readonly ok: true; readonly settings: Settings }
  | { readonly ok: false; readonly errors: readonly SettingsFieldError[] };

export interface ValidateOptions {
  /** The catalogue's parser, giving the service id of a typed target (or null when it is not one). */
  readonly idForTarget?: (input: string) => string | null;
}


export function validateSettingsUpdate(update: unknown, current: Settings, options: ValidateOptions = {}): SettingsValidation {
  if (!isFields(update)) return { ok: false, errors: [{ field: '', code: 'not_object' }] };
  const errors: SettingsFieldError[] = [];
  const next: Record<string, unknown> = { ...current };

  const apply = <T>(target: Record<string, unknown>, prefix: string, name: string, rule: Rule<T>, value: unknown): void => {
    const result = rule(value);
    if (result.ok) target[name] = result.value;
    else errors.push({ field: prefix + name, code: result.code, ...(result.index !== undefined ? { index: result.index } : {}) });
  };

  const rules: Readonly<Record<string, Rule<unknown>>> = {
    intervalMin: intervalRule,
    disabledServices: idListRule,
    customTargets: customTargetsRule(options.idForTarget),
    country: countryRule,
    dataBudgetBytesPerDay: dataBudgetRule,
    throughputEnabled: booleanRule,
  };
  const notificationRules: Readonly<Record<string, Rule<unknown>>> = {
    enabled: booleanRule,
    muted: idListRule,
    alsoPartialAndSlow: booleanRule,
  };

  for (const [name, value] of Object.entries(update)) {
    // `pause` has its own requests (pause, resume); `version` is the code's.
    if (name === 'version' || name === 'pause') errors.push({ field: name, code: 'read_only' });
    else if (name === 'notifications') {
      if (!isFields(value)) {
        errors.push({ field: name, code: 'not_object' });
        continue;
      }
      const notifications: Record<string, unknown> = { ...current.notifications };
      for (const [inner, innerValue] of Object.entries(value)) {
        // Own keys only: `toString` or `__proto__` as a field name must not find Object's.
        const rule = Object.hasOwn(notificationRules, inner) ? notificationRules[inner] : undefined;
        if (rule) apply(notifications, 'notifications.', inner, rule, innerValue);
        else errors.push({ field: `notifications.${inner}`, code: 'unknown_field' });
      }
      next.notifications = notifications;
    } else {
      const rule = Object.hasOwn(rules, name) ? rules[name] : undefined;
      if (rule) apply(next, '', name, rule, value);
      else errors.push({ field: name, code: 'unknown_field' });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, settings: next as unknown as Settings };
}
