// Where the data folder is: `--data DIR`, else KEHU_DATA_DIR, else the platform's user-data
// folder. Shared by the CLI/host and the Electron shell (which passes app.getPath('userData') as
// the platform folder, the same place on every OS).
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_DIR_NAME = 'kehu-crm';

/** The user-data folder Electron would pick for an app named kehu-crm. */
export function platformDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_DIR_NAME);
}

export interface DataDirSources {
  /** The --data flag, if given. */
  flag?: string;
  env?: NodeJS.ProcessEnv;
  /** The folder to use when neither the flag nor KEHU_DATA_DIR is set. */
  fallback?: string;
}

export function resolveDataDir({ flag, env = process.env, fallback }: DataDirSources = {}): string {
  if (flag) return resolve(flag);
  if (env.KEHU_DATA_DIR) return resolve(env.KEHU_DATA_DIR);
  return fallback ?? platformDataDir(process.platform, env);
}

/** The value of `--data DIR` / `--data=DIR` in a raw argv (for the Electron shell). */
export function dataFlagFrom(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data') return argv[i + 1];
    if (arg.startsWith('--data=')) return arg.slice('--data='.length);
  }
  return undefined;
}
