import { useTranslation } from 'react-i18next';
import type { MinExtraAnswerDto } from '../../../src-main/api/contract';
import { formatDate, formatNumber } from '../../lib/format';

/**
 * The least extra with its evidence: the base proposed for new teams, the verified plan that
 * meets the deadline, what the bound says of one fewer, and the clearance date with nothing added.
 */
export function MinExtraAnswer({ answer: a, kind, tried }: {
  answer: MinExtraAnswerDto;
  /** What was added, and the most tried (said when no number is enough). */
  kind: 'teams' | 'vehicles' | 'shifts';
  tried: number;
}) {
  const { t, i18n } = useTranslation();
  const n = (x: number): string => formatNumber(x, i18n.language);
  const unit = (count: number): string => t(`scenario.minExtra.unit_${kind}`, { count });
  return (
    <div className="answer" data-testid="min-extra-answer">
      <p className="muted">{t('scenario.minExtra.target', { deadline: formatDate(a.deadline), need: n(a.need), backlog: n(a.backlog) })}</p>
      {a.proposedBase && (
        <p data-testid="min-extra-proposed-base">{t('scenario.minExtra.proposedBase', {
          count: a.proposedBase.missing, base: a.proposedBase.baseName, missing: n(a.proposedBase.missing), commune: a.proposedBase.communeName, communeMissing: n(a.proposedBase.communeMissing), km: n(a.proposedBase.meanKm),
        })}</p>
      )}
      {a.minimum === null ? (
        <p className="warn">{t('scenario.minExtra.none', { k: n(tried), unit: unit(tried), deadline: formatDate(a.deadline) })}</p>
      ) : (
        <>
          <p className="big">{t('scenario.minExtra.answer', { count: a.minimum, n: n(a.minimum), unit: unit(a.minimum), deadline: formatDate(a.deadline) })}</p>
          <p>{t('scenario.minExtra.evidencePlan', { count: a.minimum, n: n(a.minimum), unit: unit(a.minimum), valid: t(a.checkerValid ? 'scenario.verifierValid' : 'scenario.verifierInvalid') })}</p>
          {a.minimum > 0 && (
            <p>{a.provenMinimal
              ? t(a.possibleWithOneFewer === false && (a.boundForOneFewer ?? 0) >= a.need ? 'scenario.minExtra.provenHamlets' : 'scenario.minExtra.proven', { count: a.boundForOneFewer ?? 0, fewer: n(a.minimum - 1), unitFewer: unit(a.minimum - 1), bound: n(a.boundForOneFewer ?? 0), need: n(a.need) })
              : t('scenario.minExtra.notProven', { count: a.boundForOneFewer ?? 0, fewer: n(a.minimum - 1), unitFewer: unit(a.minimum - 1), bound: n(a.boundForOneFewer ?? 0), need: n(a.need) })}</p>
          )}
        </>
      )}
      <p>{a.clearanceDateWithNothingAdded
        ? t('scenario.minExtra.slip', { date: formatDate(a.clearanceDateWithNothingAdded), deadline: formatDate(a.deadline) })
        : t('scenario.minExtra.noClearance')}</p>
    </div>
  );
}
