// The window's security settings and CSP, checked without Electron.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  DEFAULT_WINDOW_STATE,
  devContentSecurityPolicy,
  isAllowedPermission,
  isOwnUrl,
  loadWindowState,
  saveWindowState,
  START_URL,
  webPreferences,
  windowOptions,
} from './window-options';

describe('window options', () => {
  it('grants notifications (reminders) and no other web permission', () => {
    expect(isAllowedPermission('notifications')).toBe(true);
    for (const p of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'midi']) expect(isAllowedPermission(p)).toBe(false);
  });

  it('isolates the renderer: contextIsolation, sandbox, no nodeIntegration, webSecurity', () => {
    const prefs = windowOptions(DEFAULT_WINDOW_STATE, '/x/preload/index.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/x/preload/index.cjs',
    });
    expect(webPreferences('p')).toEqual({ ...prefs, preload: 'p' });
  });

  it('has a strict CSP: no eval, no inline scripts, no remote sources', () => {
    const csp = CONTENT_SECURITY_POLICY;
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:|wss?:|\*/);
  });

  it('relaxes the CSP only for the loopback dev server', () => {
    const dev = devContentSecurityPolicy('http://localhost:5173');
    expect(dev).toContain("script-src 'self' 'unsafe-inline'");
    expect(dev).toContain("connect-src 'self' ws://localhost:5173");
    expect(dev).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
  });

  it('trusts only its own renderer URL', () => {
    expect(START_URL).toBe('app://kehu/');
    expect(isOwnUrl('app://kehu/contacts')).toBe(true);
    expect(isOwnUrl('app://other/contacts')).toBe(false);
    expect(isOwnUrl('https://evil.example/')).toBe(false);
    expect(isOwnUrl('file:///etc/passwd')).toBe(false);
    expect(isOwnUrl('not a url')).toBe(false);
    expect(isOwnUrl('http://localhost:5173/x', 'http://localhost:5173')).toBe(true);
    expect(isOwnUrl('http://localhost:5174/x', 'http://localhost:5173')).toBe(false);
    expect(isOwnUrl('http://localhost:5173/x')).toBe(false);
  });

  it('remembers the window size and ignores a broken state file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kehu-window-'));
    try {
      const file = join(dir, 'window-state.json');
      expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
      saveWindowState(file, { width: 1500, height: 900, x: 10, y: 20, maximized: true });
      expect(loadWindowState(file)).toEqual({ width: 1500, height: 900, x: 10, y: 20, maximized: true });
      writeFileSync(file, '{"width": "huge"}');
      expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
      writeFileSync(file, 'not json');
      expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
      writeFileSync(file, '{"width": 10, "height": 10}');
      expect(loadWindowState(file)).toMatchObject({ width: 1024, height: 640 });
      expect(windowOptions({ width: 1200, height: 800 }, 'p')).not.toHaveProperty('x');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
