import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../lib/format';
import { RpcFailure } from '../lib/rpc';

/** What a refused call may say beyond its code: a message key, or the changes of a scenario that cannot apply. */
interface Details {
  key?: unknown;
  params?: Record<string, unknown>;
  problems?: unknown;
}

interface Problem {
  change: number;
  key: string;
  params?: Record<string, string | number>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Values as a reader expects them: dates dd/MM/yyyy, vehicle kinds in words. */
function shown(t: TFunction, params: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] = typeof value === 'string' && ISO_DATE.test(value) ? formatDate(value)
      : name === 'kind' ? t(`error.vehicleKind.${String(value)}`, { defaultValue: String(value) }) : value;
  }
  return out;
}

const isProblem = (p: unknown): p is Problem =>
  typeof p === 'object' && p !== null && typeof (p as Problem).change === 'number' && typeof (p as Problem).key === 'string';

/** An error in the user's language; the technical message stays visible where no translation says more. */
export function ErrorNote({ error }: { error: Error }) {
  const { t, i18n } = useTranslation();
  const details = error instanceof RpcFailure ? (error.details as Details | undefined) : undefined;
  const problems = Array.isArray(details?.problems) ? details.problems.filter(isProblem) : [];
  if (problems.length > 0 && problems.every((p) => i18n.exists(`error.problem.${p.key}`))) {
    return (
      <div className="error" role="alert">
        {t('error.scenarioCannotApply')}
        <ul>
          {problems.map((p, i) => (
            <li key={i}>{t('error.problemAt', { n: p.change + 1, what: t(`error.problem.${p.key}`, shown(t, p.params)) })}</li>
          ))}
        </ul>
      </div>
    );
  }
  const key = typeof details?.key === 'string' && i18n.exists(`error.key.${details.key}`) ? `error.key.${details.key}`
    : error instanceof RpcFailure ? `error.${error.code}` : 'error.generic';
  return (
    <div className="error" role="alert">
      {t(key, { ...shown(t, details?.params), message: error.message })}
    </div>
  );
}
