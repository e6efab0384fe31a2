// The window's security settings, its address and its remembered size: a pure module (no
// electron import at runtime) so Vitest can check it. DESIGN.md §5: contextIsolation, sandbox,
// no nodeIntegration, strict CSP, no remote content.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../host/security';

export { CONTENT_SECURITY_POLICY };

/** The renderer is served from our own privileged scheme, never file:// or the network. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kehu';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const START_URL = `${APP_ORIGIN}/`;

export const WINDOW_STATE_FILE = 'window-state.json';

export function webPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

export interface WindowState {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized?: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1360, height: 860 };
const MIN_WIDTH = 1024;
const MIN_HEIGHT = 640;

export function windowOptions(state: WindowState, preload: string, title = 'Kehu CRM'): BrowserWindowConstructorOptions {
  return {
    title,
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: webPreferences(preload),
  };
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Reads the remembered window size/position; anything odd falls back to the defaults. */
export function loadWindowState(file: string): WindowState {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (!finite(raw.width) || !finite(raw.height)) return { ...DEFAULT_WINDOW_STATE };
    const state: WindowState = {
      width: Math.max(MIN_WIDTH, Math.min(10000, Math.round(raw.width))),
      height: Math.max(MIN_HEIGHT, Math.min(10000, Math.round(raw.height))),
      maximized: raw.maximized === true,
    };
    if (finite(raw.x) && finite(raw.y)) {
      state.x = Math.round(raw.x);
      state.y = Math.round(raw.y);
    }
    return state;
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  try {
    writeFileSync(`${file}.tmp`, JSON.stringify(state));
    renameSync(`${file}.tmp`, file);
  } catch {
    // Remembering the window is a nicety; never fail over it.
  }
}

/**
 * `npm start` only (electron-vite dev server on loopback): React refresh needs its inline preamble
 * and a websocket back to the dev server. Never used in a packaged app.
 */
export function devContentSecurityPolicy(devServerUrl: string): string {
  const origin = new URL(devServerUrl);
  const ws = `ws://${origin.host}`;
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "connect-src 'self'",
    `connect-src 'self' ${ws}`,
  );
}

/** Is `url` our own renderer (the app:// origin, or the dev server while developing)? */
export function isOwnUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (devServerUrl) {
    try {
      return parsed.origin === new URL(devServerUrl).origin;
    } catch {
      return false;
    }
  }
  return false;
}

/** The only web permission the window grants: desktop notifications for due reminders. */
export function isAllowedPermission(permission: string): boolean {
  return permission === 'notifications';
}
