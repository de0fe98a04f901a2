import { useTranslation } from 'react-i18next';
import type { ProblemDto } from '../../../src-main/api/contract';
import { ErrorNote } from '../../app/ErrorNote';
import { RpcFailure } from '../../lib/rpc';
import { problemText } from './format';

/** A refused call: the register's own reason (a message key in the error details) when it gave one. */
export function DataError({ error }: { error: Error }) {
  const { t } = useTranslation();
  const details = error instanceof RpcFailure ? (error.details as Partial<ProblemDto> | undefined) : undefined;
  if (details && typeof details.key === 'string') {
    return <div className="error" role="alert">{problemText(t, { key: details.key, params: details.params })}</div>;
  }
  return <ErrorNote error={error} />;
}
