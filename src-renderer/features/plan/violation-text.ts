import type { TFunction } from 'i18next';
import type { Violation } from '../../../src-main/core/model';

/**
 * A violation as a sentence a chief reads: where (date, shift, team, hamlets) and what,
 * in the user's language, from the verifier's code and params; its English message only
 * for a code this build has no words for.
 */
export function violationText(t: TFunction, violation: Violation): string {
  const key = `violation.${violation.code}`;
  const params = { ...violation.params };
  if (typeof params.road === 'string') params.road = t(`road.${params.road}`).toLocaleLowerCase();
  const what = t(key, { ...params, defaultValue: '' });
  if (!what) return violation.message;
  return (params.date !== undefined ? t('violation.where', params) : '') + what;
}
