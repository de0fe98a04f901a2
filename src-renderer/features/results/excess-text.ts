import type { TFunction } from 'i18next';
import { formatNumber } from '../../lib/format';

/** People above what a hamlet has left, naming only the services that go over ("CCCD thêm 3, ĐDĐT thêm 2"). */
export function excessText(t: TFunction, language: string, excess: { cccd: number; eid: number }): string {
  return (['cccd', 'eid'] as const).filter((s) => excess[s] > 0).map((s) => t(`results.above.${s}`, { n: formatNumber(excess[s], language) })).join(', ');
}
