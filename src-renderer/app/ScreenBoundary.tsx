import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * A page that fails to draw shows what went wrong in place of the page; the top bar, the
 * other pages and the saved data stay as they are. Keyed by page, so moving away resets it.
 */
export class ScreenBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <ScreenFailed error={error} retry={() => this.setState({ error: null })} />;
  }
}

function ScreenFailed({ error, retry }: { error: Error; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="error" role="alert" data-testid="screen-failed">
      <p>{t('error.screen', { message: error.message })}</p>
      <button className="secondary" onClick={retry}>{t('error.retry')}</button>
    </div>
  );
}
