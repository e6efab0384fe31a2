// The application menu in the stored interface language (meta 'locale': zh-CN by default, or en).
// Rebuilt whenever the language changes, from the renderer (app.setLocale over IPC) or from the
// menu's own Language submenu.
import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { Runtime } from '../core/runtime';

export type MenuLocale = 'zh-CN' | 'en';

const LABELS = {
  'zh-CN': {
    file: '文件',
    quit: '退出',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图',
    reload: '重新加载',
    devTools: '开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullScreen: '全屏',
    language: '语言',
    window: '窗口',
    minimize: '最小化',
    close: '关闭窗口',
    help: '帮助',
    about: '关于 Kehu 客户管理',
    dataFolder: '数据文件夹',
  },
  en: {
    file: 'File',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    devTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Full Screen',
    language: 'Language',
    window: 'Window',
    minimize: 'Minimize',
    close: 'Close Window',
    help: 'Help',
    about: 'About Kehu CRM',
    dataFolder: 'Data folder',
  },
} as const;

/** The stored interface language (auth.status: known before sign-in, while the database is locked). */
export async function storedLocale(runtime: Runtime): Promise<MenuLocale> {
  const status = await runtime.call('auth.status', {});
  return status.locale === 'en' ? 'en' : 'zh-CN';
}

export interface MenuActions {
  setLocale(locale: MenuLocale): void | Promise<void>;
  window(): BrowserWindow | null;
  dataDir: string;
  dev: boolean;
}

export function menuTemplate(locale: MenuLocale, actions: MenuActions): MenuItemConstructorOptions[] {
  const t = LABELS[locale];
  const isMac = process.platform === 'darwin';
  return [
    ...(isMac ? [{ label: app.name, submenu: [{ role: 'about' as const }, { type: 'separator' as const }, { role: 'quit' as const, label: t.quit }] }] : []),
    { label: t.file, submenu: [isMac ? { role: 'close', label: t.close } : { role: 'quit', label: t.quit }] },
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        { type: 'separator' },
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll },
      ],
    },
    {
      label: t.view,
      submenu: [
        ...(actions.dev
          ? [{ role: 'reload' as const, label: t.reload }, { role: 'toggleDevTools' as const, label: t.devTools }, { type: 'separator' as const }]
          : []),
        { role: 'resetZoom', label: t.resetZoom },
        { role: 'zoomIn', label: t.zoomIn },
        { role: 'zoomOut', label: t.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t.fullScreen },
        { type: 'separator' },
        {
          label: t.language,
          submenu: [
            { label: '中文', type: 'radio', checked: locale === 'zh-CN', click: () => void actions.setLocale('zh-CN') },
            { label: 'English', type: 'radio', checked: locale === 'en', click: () => void actions.setLocale('en') },
          ],
        },
      ],
    },
    { label: t.window, submenu: [{ role: 'minimize', label: t.minimize }, { role: 'close', label: t.close }] },
    {
      label: t.help,
      submenu: [
        {
          label: t.about,
          click: () => {
            const options = {
              type: 'info' as const,
              title: t.about,
              message: `Kehu CRM ${app.getVersion()}`,
              detail: `${t.dataFolder}: ${actions.dataDir}`,
            };
            const win = actions.window();
            void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
          },
        },
      ],
    },
  ];
}

export function applyMenu(locale: MenuLocale, actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(locale, actions)));
}
