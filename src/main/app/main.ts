// Kehu CRM desktop: the Electron main process. Thin: it opens the runtime over the data folder,
// serves the renderer on app://, answers the one IPC channel and shows one window.
// Data folder: --data DIR, else KEHU_DATA_DIR, else Electron's userData (…/kehu-crm).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, safeStorage } from 'electron';
import { createRuntime, type Runtime } from '../core/runtime';
import { keepBackedUp } from '../features/backups/schedule';
import type { OsKeyStore } from '../security/os-key';
import { dataFlagFrom, APP_DIR_NAME, resolveDataDir } from '../paths';
import { KehuError } from '../../shared/errors';
import { registerIpc, type Ipc } from './ipc';
import { applyMenu, storedLocale, type MenuLocale } from './menu';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { createMainWindow } from './window';
import { START_URL } from './window-options';

// Same folder name on every OS as the CLI's default (src/main/paths.ts), whatever productName says.
app.setPath('userData', join(app.getPath('appData'), APP_DIR_NAME));

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '../renderer');
const preload = join(here, '../preload/index.cjs');
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

let runtime: Runtime | null = null;
let backups: { stop(): void } | null = null;
let win: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.whenReady().then(start, fail);
}

/**
 * The database key of a single-user folder kept by the OS (Keychain, DPAPI, libsecret/kwallet).
 * Linux without a keyring falls back to a hard-coded password ('basic_text'): that is no protection,
 * so it counts as unavailable.
 */
const osKeys: OsKeyStore = {
  isAvailable: () =>
    safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
  encrypt: (plain) => safeStorage.encryptString(plain.toString('utf8')),
  decrypt: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'utf8'),
};

async function start(): Promise<void> {
  const dataDir = resolveDataDir({ flag: dataFlagFrom(process.argv), fallback: app.getPath('userData') });
  runtime = await createRuntime(dataDir, { osKeys });
  backups = keepBackedUp(runtime.gate);
  const rt = runtime;
  handleAppProtocol(rendererDir);

  const menuActions = {
    dataDir,
    dev: !app.isPackaged,
    window: () => win,
    // The menu's Language submenu: store it like the renderer does, then reload the window so the
    // renderer picks it up from app.info.
    setLocale: async (locale: MenuLocale) => {
      const contents = win?.webContents;
      if (!contents) return;
      const result = await rt.dispatch('app.setLocale', { locale }, ipc.callerOf(contents));
      if (result.ok) {
        rebuildMenu(locale);
        win?.webContents.reload();
      }
    },
  };
  const rebuildMenu = (locale: MenuLocale) => applyMenu(locale, menuActions);
  rebuildMenu(await storedLocale(rt));

  const ipc: Ipc = registerIpc({
    runtime: rt,
    ownContents: () => (win && !win.isDestroyed() ? win.webContents : null),
    devServerUrl,
    onLocaleChanged: (locale) => rebuildMenu(locale === 'en' ? 'en' : 'zh-CN'),
  });

  const open = () => {
    win = createMainWindow({ dataDir, preload, startUrl: devServerUrl ?? START_URL, devServerUrl });
    win.on('closed', () => {
      win = null;
    });
  };
  open();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
}

function fail(e: unknown): void {
  if (e instanceof KehuError && e.code === 'db_too_new') {
    dialog.showErrorBox(
      'Kehu CRM',
      `此数据文件由更新版本的 Kehu 创建，当前版本无法打开（文件未被修改）。请升级 Kehu。\n` +
        `This data folder was made by a newer version of Kehu CRM; nothing was changed. Please update Kehu CRM.\n\n${e.params?.file ?? ''}`,
    );
  } else if (e instanceof KehuError && e.params?.reason === 'os_key_unavailable') {
    dialog.showErrorBox(
      'Kehu CRM',
      `此数据文件夹的密钥由操作系统保管，但现在无法取用（例如系统钥匙串未解锁）。文件未被修改。\n` +
        `This data folder's key is kept by the operating system, which cannot give it now (e.g. the keychain is locked). Nothing was changed.`,
    );
  } else {
    dialog.showErrorBox('Kehu CRM', `启动失败 / Could not start:\n${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  }
  app.exit(1);
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let closing = false;
app.on('will-quit', (event) => {
  if (!runtime || closing) return;
  closing = true;
  event.preventDefault();
  const rt = runtime;
  runtime = null;
  backups?.stop();
  void rt.close().finally(() => app.quit());
});
