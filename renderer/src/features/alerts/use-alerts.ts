/** The navigation badge's count, and the notification when the engine raises alerts. */
import { useEngine, useEngineEvent, useEngineQuery } from '../../app/engine-context.js';
import { alertNotice } from './notify-decision.js';

/** How many alerts are new (0 while loading or when the engine cannot say). */
export function useNewAlertCount(): number {
  const { data } = useEngineQuery('listAlerts', { status: 'new', limit: 1 });
  return data?.counts.new ?? 0;
}

/**
 * On the engine's `alerts` event: a desktop notification when the host offers one
 * (`window.app.notify`), else `showInApp` with the same news.
 */
export function useAlertNotifications(showInApp: (message: string) => void): void {
  const { shell } = useEngine();
  useEngineEvent('alerts', (event) => {
    const notify = typeof shell?.notify === 'function' ? shell.notify : null;
    const notice = alertNotice(event, notify !== null);
    if (notice?.via === 'desktop' && notify) {
      // A failed notification is not worth more than the in-app message.
      notify({ title: notice.title, body: notice.body }).catch(() => showInApp(`${notice.title}. ${notice.body}`));
    } else if (notice?.via === 'in-app') {
      showInApp(notice.message);
    }
  });
}
