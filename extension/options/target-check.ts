/**
 * What the options page knows about a typed target: the catalogue's parser against everything
 * already probed (the catalogue's services and the person's own targets), and the message for
 * each of its error codes.
 */
import { CATALOGUE } from '../../src/catalogue';
import { parseCustomTarget, type CustomTargetError, type CustomTargetResult } from '../../src/catalogue/custom-target';
import type { Service } from '../../src/catalogue/types';
import type { CustomTarget } from '../../src/settings/schema';
import type { I18n } from '../shared/ui/i18n';

/** The person's targets as services, so a second one for the same host is a duplicate. */
export function customServices(targets: readonly CustomTarget[], now: () => number): Service[] {
  return targets.flatMap((target) => {
    const parsed = parseCustomTarget(target.input, [], now);
    return parsed.ok ? [parsed.service] : [];
  });
}

export function checkTarget(input: string, targets: readonly CustomTarget[], now: () => number): CustomTargetResult {
  return parseCustomTarget(input, [...CATALOGUE.services, ...customServices(targets, now)], now);
}

/** The match pattern a target needs (to ask for it, or give it back). */
export function permissionOf(target: CustomTarget, now: () => number): string | null {
  const parsed = parseCustomTarget(target.input, [], now);
  return parsed.ok ? parsed.permission : null;
}

export function targetErrorMessage(error: CustomTargetError, duplicateName: string | undefined, i18n: I18n): string {
  const { t } = i18n;
  switch (error) {
    case 'empty':
      return t('options_target_error_empty');
    case 'too_long':
      return t('options_target_error_too_long');
    case 'not_url':
      return t('options_target_error_not_url');
    case 'not_http':
      return t('options_target_error_not_http');
    case 'credentials':
      return t('options_target_error_credentials');
    case 'empty_host':
      return t('options_target_error_empty_host');
    case 'bad_host':
      return t('options_target_error_bad_host');
    case 'duplicate':
      return t('options_target_error_duplicate', duplicateName ?? '');
  }
}
