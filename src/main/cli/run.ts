// The `kehu` command line, as a function of argv and streams so tests can drive it.
// `npm run kehu -- <command>`; the entry point is src/main/cli.ts.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { TFunction } from 'i18next';
import { APP_VERSION, createRuntime, type Runtime } from '../core/runtime';
import { DB_FILE_NAME } from '../db/open';
import { DEFAULT_PORT, startHost } from '../host/server';
import { resolveDataDir } from '../paths';
import { KehuError } from '../../shared/errors';
import { BackupUsageError, runBackupCli, runRestoreCli } from './backup';
import { keepBackedUp } from '../features/backups/schedule';
import { runDemo } from './demo';
import { ExportUsageError, extensionMismatch, parseExportArgs, runExportCli, type ExportArgs, type ExportPlan } from './export';
import { ImportUsageError, runImportCli } from './import';
import { SignInError, signInIfNeeded } from './sign-in';
import { progressLine, runSync, SyncUsageError } from './sync';
import { DEFAULT_LOCALE, translator } from '../core/translate';
import { errorText, folderTranslator } from './words';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** The built renderer folder served by `serve`. */
  rendererDir: string;
  /** `serve` runs until this is aborted (Ctrl+C in the real CLI). */
  signal?: AbortSignal;
  /** Called once `serve` listens (tests). */
  onServe?: (info: { url: string; port: number; dataDir: string }) => void;
  /** Opens a URL in the user's browser (`serve --open`). */
  openUrl?: (url: string) => void;
}

export const EXIT_OK = 0;
export const EXIT_USAGE = 64;
export const EXIT_FAILURE = 1;
/** The data folder was made by a newer Kehu: nothing was touched. */
export const EXIT_DB_TOO_NEW = 2;

export const HELP = `Kehu CRM ${APP_VERSION} (客户管理) — command line

Usage: npm run kehu -- <command> [options]

Commands:
  serve [--port ${DEFAULT_PORT}] [--data DIR] [--open]
        Run Kehu in your browser (no Electron needed). Listens on 127.0.0.1 only and prints
        an address carrying this launch's access token; open it. --port 0 picks a free port.
  demo --contacts N [--data DIR]
        Fill the data folder with a realistic sample (companies, contacts, tags, timeline).
  sync status | sync export --for DEVICE --out FILE [--passphrase P] | sync import FILE [--passphrase P]
        Sync by file with another device: DEVICE is a device id or name from \`sync status\`,
        or "new" for a full snapshot. Import verifies the whole bundle before applying it.
  import FILE [--entity contacts|companies] [--map NAME] [--on-duplicate skip|update|overwrite|create]
         [--dry-run] [--encoding E] [--delimiter D] [--sheet S] [--data DIR]
        Import contacts or companies from CSV, Excel (.xlsx) or vCard: columns are mapped by their
        headers (Chinese or English, Google/Outlook exports) or by a saved mapping; all or nothing.
        --dry-run validates and counts, writing nothing. Exit code 1 when nothing could be imported.
        Rejected rows are saved with their reasons beside FILE (FILE-rejected.csv). A workbook is read
        from its first visible sheet: --sheet S reads another (named when the first maps no column).
  export --entity contacts|companies --format csv|xlsx|vcf [--gbk] --out FILE [--data DIR]
        Export every contact or company: CSV in UTF-8 with BOM (--gbk: GBK, for older Excel/WPS),
        Excel (.xlsx) or vCard 3.0. Written to FILE.part, renamed to FILE when complete.
  backup [--data DIR]
        Back up the database now into the data folder's backups/ (encrypted like the database);
        prints the file made. Old automatic and manual backups beyond the kept count are removed.
  restore FILE [--data DIR]
        Replace the database with a backup, after checking it (integrity, version, key); the
        current database is kept as a before-restore backup first. FILE is a name in backups/ or
        a path (copied into backups/ first). Close Kehu on this data folder before restoring.
  info [--data DIR]
        Show the version, the data folder and what it holds.
  help  Show this text.

Options:
  --data DIR   The data folder. Default: $KEHU_DATA_DIR, else the user-data folder
               (Linux ~/.config/kehu-crm, Windows %APPDATA%\\kehu-crm,
               macOS ~/Library/Application Support/kehu-crm). export, backup, info and
               sync export refuse a folder without Kehu data (they never make an empty one).
  --login NAME On a folder protected by passwords, act as this user: the password is read from
               $KEHU_PASSWORD, else asked for; a second-factor code from --code CODE,
               $KEHU_TOTP_CODE, else asked for. (serve needs none: users sign in in the browser.)
  -h, --help   Show this text.

The app's messages (a file's problems, refusals) are in the data folder's language: zh-CN, or en
when chosen in the app.

Exit codes:
  0   done; for import: at least one row was created or updated (or would be, with --dry-run)
  1   failed; for import also: nothing could be imported (every row rejected or a skipped
      duplicate, no column mapped, a file that cannot be read) or cancelled
  2   the data folder was made by a newer version of Kehu CRM: nothing was touched
  64  usage error: an unknown command or option, a missing or wrong value (e.g. export's --out
      ending in .xlsx with --format csv)
`;

class UsageError extends Error {}
/** A command that only reads data was pointed at a folder without a database (exit 1). */
class NoDataError extends Error {}

function write(stream: NodeJS.WritableStream, text: string): void {
  stream.write(text.endsWith('\n') ? text : text + '\n');
}

function intOption(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number (got "${value}")`);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}`);
  return n;
}

export function defaultOpenUrl(url: string): void {
  const [cmd, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser launcher: the printed address is enough.
  }
}

type Values = Record<string, string | boolean | undefined>;

/** A KehuError put in words in the data folder's language (exit code 1). */
class SaidError extends Error {}

/**
 * Opens the folder, signs in when it is protected by passwords (--login), runs `fn` with `t` in the
 * folder's language, closes. A KehuError comes out as the app's sentence: the language is known
 * only while the folder is open.
 */
async function withRuntime<T>(dataDir: string, values: Values, io: CliIo, fn: (rt: Runtime, t: TFunction) => Promise<T>): Promise<T> {
  const rt = await createRuntime(dataDir);
  let t = translator(DEFAULT_LOCALE);
  try {
    await signInIfNeeded(rt, { login: values.login as string | undefined, code: values.code as string | undefined, env: io.env, stderr: io.stderr });
    t = await folderTranslator(rt);
    return await fn(rt, t);
  } catch (e) {
    throw e instanceof KehuError ? new SaidError(errorText(t, e)) : e;
  } finally {
    await rt.close();
  }
}

/**
 * The data folder, from --data or KEHU_DATA_DIR. For a command that only reads data (export,
 * backup, info, sync export) one without a database is refused, not given a new empty one, else a
 * mistyped --data would "export 0 contacts" and leave a kehu.db behind. Import, serve, demo,
 * restore may make one.
 */
function dataDirOf(values: Values, io: CliIo, readsOnly = false): string {
  const dataDir = resolveDataDir({ flag: values.data as string | undefined, env: io.env });
  if (readsOnly && !existsSync(join(dataDir, DB_FILE_NAME))) {
    throw new NoDataError(`No Kehu data in ${dataDir} (no ${DB_FILE_NAME} there). Check --data DIR or KEHU_DATA_DIR.`);
  }
  return dataDir;
}

/** The export's options checked before the data folder is opened (a usage error costs no work). */
function exportPlan(args: ExportArgs): ExportPlan {
  try {
    return parseExportArgs(args);
  } catch (e) {
    if (e instanceof ExportUsageError) throw new UsageError(e.message);
    throw e;
  }
}

async function serve(values: Record<string, string | boolean | undefined>, io: CliIo): Promise<number> {
  const port = intOption(values.port as string | undefined, 'port', DEFAULT_PORT, 0, 65535);
  const dataDir = dataDirOf(values, io);
  const rt = await createRuntime(dataDir);
  const backups = keepBackedUp(rt.gate);
  let host;
  try {
    host = await startHost({ dispatch: rt.dispatch, rendererDir: io.rendererDir, port });
  } catch (e) {
    backups.stop();
    await rt.close();
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      write(io.stderr, `Port ${port} is already in use. Try another one: --port ${port + 1} (or --port 0 for any free port).`);
      return EXIT_FAILURE;
    }
    throw e;
  }
  write(
    io.stdout,
    [
      `Kehu CRM ${APP_VERSION} — browser mode`,
      `Data folder: ${dataDir}`,
      `Open this address (it carries this launch's access token):`,
      `  ${host.url}`,
      `KEHU_URL=${host.url}`,
      `Press Ctrl+C to stop.`,
    ].join('\n'),
  );
  io.onServe?.({ url: host.url, port: host.port, dataDir });
  if (values.open) (io.openUrl ?? defaultOpenUrl)(host.url);
  await new Promise<void>((resolve) => {
    if (!io.signal || io.signal.aborted) return resolve();
    io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await host.close();
  backups.stop();
  await rt.close();
  write(io.stdout, 'Stopped.');
  return EXIT_OK;
}

async function info(values: Record<string, string | boolean | undefined>, io: CliIo): Promise<number> {
  const dataDir = dataDirOf(values, io, true);
  return withRuntime(dataDir, values, io, async (rt) => {
    const file = join(dataDir, DB_FILE_NAME);
    const lines = [
      `Kehu CRM ${APP_VERSION}`,
      `Data folder: ${dataDir}`,
      `Database:    ${file} (${(statSync(file).size / 1024 / 1024).toFixed(1)} MB)`,
      `Device id:   ${rt.app.deviceId}`,
    ];
    const appInfo = await rt.call('app.info', {}).catch(() => null);
    if (appInfo) {
      lines.push(`Language:    ${appInfo.locale}`);
      lines.push(`Companies:   ${appInfo.counts.companies}`);
      lines.push(`Contacts:    ${appInfo.counts.contacts}`);
    }
    write(io.stdout, lines.join('\n'));
    return EXIT_OK;
  });
}

async function demo(values: Record<string, string | boolean | undefined>, io: CliIo): Promise<number> {
  if (values.contacts === undefined) throw new UsageError('demo needs --contacts N, e.g. --contacts 1000');
  const contacts = intOption(values.contacts as string, 'contacts', 0, 1, 10_000_000);
  const dataDir = dataDirOf(values, io);
  return withRuntime(dataDir, values, io, async (rt) => {
    const started = Date.now();
    write(io.stdout, `Adding ${contacts} sample contacts to ${dataDir} ...`);
    const summary = await runDemo(rt, contacts, (text) => write(io.stdout, text));
    write(io.stdout, `${summary} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return EXIT_OK;
  });
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        open: { type: 'boolean' },
        contacts: { type: 'string' },
        for: { type: 'string' },
        out: { type: 'string' },
        passphrase: { type: 'string' },
        entity: { type: 'string' },
        map: { type: 'string' },
        'on-duplicate': { type: 'string' },
        'dry-run': { type: 'boolean' },
        encoding: { type: 'string' },
        delimiter: { type: 'string' },
        sheet: { type: 'string' },
        format: { type: 'string' },
        gbk: { type: 'boolean' },
        login: { type: 'string' },
        code: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    write(io.stderr, `${(e as Error).message}\n\n${HELP}`);
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || command === undefined || command === 'help') {
    write(command === undefined && !values.help ? io.stderr : io.stdout, HELP);
    return command === undefined && !values.help ? EXIT_USAGE : EXIT_OK;
  }
  if (positionals.length > (command === 'sync' ? 3 : command === 'import' || command === 'restore' ? 2 : 1)) {
    write(io.stderr, `Unexpected argument: ${positionals[1]}\n\n${HELP}`);
    return EXIT_USAGE;
  }
  try {
    switch (command) {
      case 'serve':
        return await serve(values, io);
      case 'info':
        return await info(values, io);
      case 'demo':
        return await demo(values, io);
      case 'sync': {
        // A bundle is made from data; importing one may start a new folder (a new device).
        const dataDir = dataDirOf(values, io, positionals[1] === 'export');
        const args = {
          action: positionals[1],
          file: positionals[2],
          forDevice: values.for as string | undefined,
          out: values.out as string | undefined,
          passphrase: (values.passphrase as string | undefined) ?? io.env.KEHU_SYNC_PASSPHRASE,
        };
        return await withRuntime(dataDir, values, io, async (rt) => {
          try {
            const tty = (io.stderr as NodeJS.WriteStream).isTTY === true;
            await runSync(rt, args, (text) => write(io.stdout, text), {
              signal: io.signal,
              ...(tty ? { progress: (s) => io.stderr.write(`\r${progressLine(s)}\x1b[K`) } : {}),
            });
            if (tty) io.stderr.write('\r\x1b[K');
          } catch (e) {
            if (e instanceof SyncUsageError) throw new UsageError(e.message);
            throw e;
          }
          return EXIT_OK;
        });
      }
      case 'import': {
        const dataDir = dataDirOf(values, io);
        const args = {
          file: positionals[1],
          entity: values.entity as string | undefined,
          map: values.map as string | undefined,
          onDuplicate: values['on-duplicate'] as string | undefined,
          dryRun: values['dry-run'] === true,
          encoding: values.encoding as string | undefined,
          delimiter: values.delimiter as string | undefined,
          sheet: values.sheet as string | undefined,
        };
        return await withRuntime(dataDir, values, io, async (rt) => {
          const tty = (io.stderr as NodeJS.WriteStream).isTTY === true;
          try {
            const code = await runImportCli(rt, args, (text) => write(io.stdout, text), {
              signal: io.signal,
              ...(tty ? { progress: (line: string) => io.stderr.write(`\r${line}\x1b[K`) } : {}),
            });
            if (tty) io.stderr.write('\r\x1b[K');
            return code;
          } catch (e) {
            if (e instanceof ImportUsageError) throw new UsageError(e.message);
            throw e;
          }
        });
      }
      case 'export': {
        const plan = exportPlan({ entity: values.entity as string | undefined, format: values.format as string | undefined, gbk: values.gbk === true, out: values.out as string | undefined });
        const dataDir = dataDirOf(values, io, true);
        return await withRuntime(dataDir, values, io, async (rt, t) => {
          // Checked once the folder is open, to be said in its language; still before any work.
          const mismatch = extensionMismatch(plan);
          if (mismatch) throw new UsageError(t('cli.extensionMismatch', mismatch));
          const tty = (io.stderr as NodeJS.WriteStream).isTTY === true;
          const code = await runExportCli(rt, plan, (text) => write(io.stdout, text), {
            signal: io.signal,
            ...(tty ? { progress: (line: string) => io.stderr.write(`\r${line}\x1b[K`) } : {}),
          });
          if (tty) io.stderr.write('\r\x1b[K');
          return code;
        });
      }
      case 'backup':
      case 'restore': {
        // backup only reads the data; restore writes it and is left as it was.
        const dataDir = dataDirOf(values, io, command === 'backup');
        return await withRuntime(dataDir, values, io, async (rt) => {
          try {
            const print = (text: string) => write(io.stdout, text);
            return command === 'backup' ? await runBackupCli(rt, print) : await runRestoreCli(rt, positionals[1], print, (text) => write(io.stderr, text));
          } catch (e) {
            if (e instanceof BackupUsageError) throw new UsageError(e.message);
            throw e;
          }
        });
      }
      default:
        write(io.stderr, `Unknown command: ${command}\n\n${HELP}`);
        return EXIT_USAGE;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      write(io.stderr, `${e.message}\n\nRun with --help for usage.`);
      return EXIT_USAGE;
    }
    if (e instanceof SignInError || e instanceof NoDataError || e instanceof SaidError) {
      write(io.stderr, e.message);
      return EXIT_FAILURE;
    }
    if (e instanceof KehuError && e.code === 'unauthenticated' && e.params?.reason === 'os_key_unavailable') {
      write(io.stderr, "This data folder's key is kept by the operating system for the desktop app; the command line cannot open it. Use the desktop app (or protect the folder with passwords there).");
      return EXIT_FAILURE;
    }
    if (e instanceof KehuError && e.code === 'db_too_new') {
      write(
        io.stderr,
        [
          'This data folder was made by a newer version of Kehu CRM, so this version will not open it.',
          `  Database: ${e.params?.file ?? '(unknown)'}`,
          `  Unknown migrations: ${e.params?.migrations ?? '(unknown)'}`,
          'Nothing was changed. Update Kehu CRM, or choose another folder with --data DIR.',
        ].join('\n'),
      );
      return EXIT_DB_TOO_NEW;
    }
    if (e instanceof KehuError) {
      // Before the data folder could be read (withRuntime says the rest): the default language.
      write(io.stderr, errorText(translator(DEFAULT_LOCALE), e));
      return EXIT_FAILURE;
    }
    write(io.stderr, `Error: ${(e as Error).stack ?? String(e)}`);
    return EXIT_FAILURE;
  }
}
