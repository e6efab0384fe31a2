// The one window. Security settings come from window-options.ts (tested without Electron);
// here: navigation and new windows blocked, permissions denied but notifications (reminders), size
// and position remembered.
import { join } from 'node:path';
import { BrowserWindow, screen, shell, type WebContents } from 'electron';
import {
  devContentSecurityPolicy,
  isAllowedPermission,
  isOwnUrl,
  loadWindowState,
  saveWindowState,
  WINDOW_STATE_FILE,
  windowOptions,
  type WindowState,
} from './window-options';

export interface MainWindowOptions {
  dataDir: string;
  preload: string;
  startUrl: string;
  devServerUrl?: string;
}

/** Links a person clicks (a customer's website or email) open in their own browser, nothing else. */
function openExternally(url: string): void {
  try {
    const { protocol } = new URL(url);
    if (protocol === 'https:' || protocol === 'http:' || protocol === 'mailto:') void shell.openExternal(url);
  } catch {
    // not a URL: ignore
  }
}

export function lockDown(contents: WebContents, devServerUrl?: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnUrl(url, devServerUrl)) {
      event.preventDefault();
      openExternally(url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_wc, permission, callback) => callback(isAllowedPermission(permission)));
  contents.session.setPermissionCheckHandler((_wc, permission) => isAllowedPermission(permission));
  if (devServerUrl) {
    const csp = devContentSecurityPolicy(devServerUrl);
    contents.session.webRequest.onHeadersReceived({ urls: [`${new URL(devServerUrl).origin}/*`] }, (details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
    });
  }
}

function visibleOnSomeDisplay(state: WindowState): boolean {
  if (state.x === undefined || state.y === undefined) return true;
  const { x, y, width } = state;
  return screen.getAllDisplays().some(({ workArea: a }) => x + width > a.x + 50 && x < a.x + a.width - 50 && y >= a.y - 10 && y < a.y + a.height - 50);
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const stateFile = join(options.dataDir, WINDOW_STATE_FILE);
  let state = loadWindowState(stateFile);
  if (!visibleOnSomeDisplay(state)) state = { width: state.width, height: state.height };
  const win = new BrowserWindow(windowOptions(state, options.preload));
  lockDown(win.webContents, options.devServerUrl);

  let timer: NodeJS.Timeout | undefined;
  const remember = () => {
    if (win.isDestroyed() || win.isMinimized()) return;
    const maximized = win.isMaximized() || win.isFullScreen();
    const bounds = maximized ? win.getNormalBounds() : win.getBounds();
    saveWindowState(stateFile, { ...bounds, maximized });
  };
  const rememberSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(remember, 500);
  };
  win.on('resize', rememberSoon);
  win.on('move', rememberSoon);
  win.on('close', () => {
    clearTimeout(timer);
    remember();
  });

  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  void win.loadURL(options.startUrl);
  return win;
}
