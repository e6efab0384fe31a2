// Desktop notifications through the Web Notification API (Electron shows them as system
// notifications). Permission is only ever asked from a click.
export type DesktopPermission = NotificationPermission | 'unsupported';

export const desktopPermission = (): DesktopPermission => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);

export async function requestDesktopPermission(): Promise<DesktopPermission> {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.requestPermission();
}

/** Shows a system notification when allowed; clicking it brings the window forward. */
export function notifyDesktop(title: string, body: string, tag: string, onClick: () => void): void {
  if (desktopPermission() !== 'granted') return;
  const n = new Notification(title, { body, tag });
  n.onclick = () => {
    window.focus();
    onClick();
    n.close();
  };
}
