import { useTranslation } from 'react-i18next';
import { RpcFailure } from '../lib/rpc';

/** An error in the user's language; the technical message stays visible for support. */
export function ErrorNote({ error }: { error: Error }) {
  const { t } = useTranslation();
  const key = error instanceof RpcFailure ? `error.${error.code}` : 'error.generic';
  return (
    <div className="error" role="alert">
      {t(key, { message: error.message })}
    </div>
  );
}
