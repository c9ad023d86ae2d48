/**
 * The desk says when the hospital's server cannot be reached: the station is checking in on its
 * own file with offline numbers, and how many visits wait to be uploaded. It also stays while
 * visits wait after the server came back (uploading, or refused with the reason).
 */
import { useTranslation } from 'react-i18next';
import type { StoreStatus } from '../../../shared/domain';
import { ErrorSentence } from '../components/ErrorSentence';

export function ServerOfflineBanner({ status }: { status: StoreStatus | null }) {
  const { t } = useTranslation();
  if (!status || (status.serverReachable && status.waitingUpload === 0)) return null;
  const count = status.waitingUpload;
  return (
    <div
      className={`server-banner${status.serverReachable ? ' uploading' : ' offline'}`}
      role="status"
      aria-live="polite"
      data-testid="server-offline-banner"
      data-state={status.serverReachable ? 'uploading' : 'offline'}
    >
      {status.serverReachable ? (
        <strong>{t('desk.server.uploading', { count })}</strong>
      ) : (
        <>
          <strong>{t('desk.server.offline', { count })}</strong>
          <p className="hint">{t('desk.server.offlineHint')}</p>
        </>
      )}
      {status.uploadError && (
        <>
          <p>{t('desk.server.uploadFailed')}</p>
          <ErrorSentence audience="staff" error={status.uploadError} testId="server-upload-error" />
        </>
      )}
    </div>
  );
}
