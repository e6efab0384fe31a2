// Import at scale (issue 3): a generated contacts CSV of BENCH_IO rows (default 100000,1000000;
// 0 skips) imported by Kehu's import job into an empty data folder, next to the `sqlite3`
// command-line `.import` of the same file into a bare table, both in the same run, with the ratio.
//
// Each Kehu import runs in a child process of its own, so that its peak RSS (process + worker
// thread) is its own and not the bench's. The child goes through the real channels: the file is
// placed in <dataDir>/uploads as io.upload leaves it (the chunked upload itself is not timed), then
// io.inspect (suggested mapping) and io.startImport, polling jobs.get; the time is from
// io.startImport to the job's end (parse, validate, duplicates, companies and tags, rows, change_log,
// search index, commit); then the rows it wrote are copied by SQL alone into a fresh file, the floor
// of its writes (copyFloor). Then a second child opens the same folder and undoes that import
// (io.undoImport, the `io.undo` job): its time from the call to the job's end and its own peak RSS.
// Goals: 100k in under 5 s; 1M within 15x of sqlite3 .import; 1M peak RSS under 400 MB. Prints
// figures, asserts nothing. The machine is shared: the child's CPU time (all
// its threads) and the load average are printed too, as wall time alone says little under load.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Runtime } from '../src/main/core/runtime';
import { applyPragmas, DB_FILE_NAME } from '../src/main/db/open';
import type { JobStatus } from '../src/shared/jobs';
import { IMPORT_PAGE_CACHE_KIB } from '../src/main/io/import/task';

const GOAL = { import100kSeconds: 5, ratio1M: 15, rss1MMiB: 400 };
const HEADERS = ['姓名', '性别', '职位', '手机', '座机', '邮箱', '微信', 'QQ', '省', '市', '区', '地址', '生日', '公司', '标签', '备注'];
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文辉玲红志鹏飞宇浩婷雪琳晨欣怡子涵梓轩俊博嘉佳颖雨思慧晓海波斌林峰春梅兰凤云龙亮新宁鑫月萍燕琴晶倩璐瑶家天一乐'];
const CITIES = [['北京', '北京', '海淀区'], ['上海', '上海', '浦东新区'], ['广东', '广州', '天河区'], ['广东', '深圳', '南山区'], ['浙江', '杭州', '西湖区'], ['江苏', '南京', '鼓楼区'], ['四川', '成都', '武侯区'], ['湖北', '武汉', '洪山区']];
const TITLES = ['', '经理', '销售总监', '采购', '工程师', '老板', '会计', '助理'];
const TAGS = ['VIP', '老客户', '新客户', '代理商', '展会', '转介绍', '需回访', '价格敏感', '大客户', '潜力客户', '已签约', '暂缓'];
const BRANDS = [...'华盛鑫达瑞恒泰宏兴源博创远天金海正荣德信隆嘉和锦宇辉腾飞顺安康联昌通新奥益丰美佳'];
const TRADES = ['科技', '贸易', '电子', '机械', '建材', '食品', '物流', '医疗器械'];

/** A deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const csvField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A contacts CSV (UTF-8, CRLF) of `n` rows: unique mobiles and emails, ~n/20 companies, tags. */
export async function generateCsv(file: string, n: number): Promise<void> {
  const r = rng(n);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)];
  const out = createWriteStream(file);
  const companies = Math.max(1, Math.floor(n / 20));
  let chunk = HEADERS.join(',') + '\r\n';
  for (let i = 0; i < n; i += 1) {
    const [province, city, district] = CITIES[i % companies % CITIES.length];
    r();
    const company = i % 4 === 0 ? '' : `${city}${BRANDS[i % companies % BRANDS.length]}${BRANDS[Math.floor(i % companies / BRANDS.length) % BRANDS.length]}${TRADES[i % companies % TRADES.length]}有限公司${Math.floor(i % companies / 1000) || ''}`;
    const mobile = `1${3 + (i % 7)}${String(100_000_000 + i).slice(-9)}`;
    const row = [
      pick(SURNAMES) + pick(GIVEN) + (r() < 0.6 ? pick(GIVEN) : ''),
      r() < 0.5 ? '男' : '女',
      pick(TITLES),
      mobile,
      r() < 0.2 ? `0${20 + (i % 9)}-${String(60_000_000 + i).slice(-8)}` : '',
      r() < 0.6 ? `user${i}@example.com` : '',
      r() < 0.4 ? `wx_${i}` : '',
      r() < 0.3 ? String(100_000 + i) : '',
      province,
      city,
      district,
      r() < 0.5 ? `${pick(GIVEN)}${pick(GIVEN)}路${1 + (i % 300)}号` : '',
      r() < 0.2 ? `19${60 + (i % 40)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` : '',
      company,
      r() < 0.5 ? [pick(TAGS), pick(TAGS)].filter((t, k, a) => a.indexOf(t) === k).join(';') : '',
      r() < 0.1 ? '喜欢喝茶，周末一般不接电话' : '',
    ];
    chunk += row.map(csvField).join(',') + '\r\n';
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((res) => out.once('drain', () => res()));
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
}

interface ChildReport {
  ms: number;
  /** User + system CPU of the whole child process during the import. */
  cpuMs: number;
  rssMiB: number;
  result: { rows: number; created: number; skipped: number; rejected: number; companiesCreated: number; tagsCreated: number } | null;
  error?: unknown;
  contacts: number;
  /** SQLite's own floor for the rows the import wrote (copyFloor), in ms. */
  floorMs: number;
}

/**
 * SQLite alone: every row the import left (all tables but the search index's) copied by
 * INSERT … SELECT, in rowid order, into a fresh file with the same schema, pragmas and page cache,
 * the secondary indexes of contacts and companies built after the rows as the import does. No JS
 * and no statement per row: what the import's writes cost at least. The contentless search index
 * cannot be copied, so it is not in this figure.
 */
function copyFloor(dbFile: string): number {
  const target = `${dbFile}.floor`;
  const db = new BetterSqlite3(target);
  try {
    // The job worker's connection as the import sets it up (jobs/worker.ts, io/import/task.ts).
    applyPragmas(db);
    db.pragma(`cache_size = -${IMPORT_PAGE_CACHE_KIB}`);
    db.pragma('wal_autocheckpoint = 0');
    db.exec(`ATTACH '${dbFile}' AS src`);
    const schema = db.prepare(`SELECT type, name, tbl_name AS tbl, sql FROM src.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE '%search%' ORDER BY rowid`).all() as { type: string; name: string; tbl: string; sql: string }[];
    const deferred = schema.filter((o) => o.type === 'index' && (o.tbl === 'contacts' || o.tbl === 'companies'));
    for (const o of schema) if (!deferred.includes(o)) db.exec(o.sql);
    const tables = schema.filter((o) => o.type === 'table' && !o.name.startsWith('sqlite_'));
    const t = performance.now();
    db.exec('BEGIN');
    for (const { name, sql } of tables) db.exec(`INSERT INTO main."${name}" SELECT * FROM src."${name}"${/WITHOUT ROWID/i.test(sql) ? '' : ' ORDER BY rowid'}`);
    for (const i of deferred) db.exec(i.sql);
    db.exec('COMMIT');
    return performance.now() - t;
  } finally {
    db.close();
    for (const f of [target, `${target}-wal`, `${target}-shm`]) rmSync(f, { force: true });
  }
}

/** A job's run through the channels: from the call that starts it to its end, polling jobs.get. */
async function timedJob(rt: Runtime, start: () => Promise<{ jobId: string }>): Promise<{ status: JobStatus; ms: number; cpuMs: number }> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const { jobId } = await start();
  let status;
  for (;;) {
    status = await rt.call('jobs.get', { id: jobId });
    if (status.state !== 'running') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const used = process.cpuUsage(cpu);
  return { status, ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000 };
}

/** Child mode: import `csv` into the empty data folder `dataDir` through the channels, print a JSON report. */
async function child(csv: string, dataDir: string): Promise<void> {
  const { createRuntime } = await import('../src/main/core/runtime');
  const rt = await createRuntime(dataDir);
  // What io.upload leaves: <dataDir>/uploads/<id> and <id>.json with the name.
  const uploads = join(dataDir, 'uploads');
  mkdirSync(uploads, { recursive: true });
  const uploadId = randomUUID();
  copyFileSync(csv, join(uploads, uploadId));
  writeFileSync(join(uploads, `${uploadId}.json`), JSON.stringify({ name: 'bench.csv' }));
  const { mapping } = await rt.call('io.inspect', { uploadId, entity: 'contact' });
  const { status, ms, cpuMs } = await timedJob(rt, () =>
    rt.call('io.startImport', { uploadId, entity: 'contact', mapping, options: { onDuplicate: 'skip', fileName: 'bench.csv', dryRun: false } }),
  );
  const contacts = rt.app.db.sqlite.prepare('SELECT count(*) FROM contacts').pluck().get() as number;
  const report: ChildReport = {
    ms,
    cpuMs,
    rssMiB: process.resourceUsage().maxRSS / 1024,
    result: status.state === 'done' ? (status.result as ChildReport['result']) : null,
    error: status.state === 'done' ? undefined : (status.error ?? status.state),
    contacts,
    floorMs: 0,
  };
  await rt.close();
  if (report.result) report.floorMs = copyFloor(join(dataDir, DB_FILE_NAME));
  process.stdout.write(`\nBENCH_IO_REPORT ${JSON.stringify(report)}\n`);
}

interface UndoReport {
  ms: number;
  /** User + system CPU of the whole child process during the undo. */
  cpuMs: number;
  /** The child's own peak: opening the folder and the undo, not the import. */
  rssMiB: number;
  result: { removed: number; restored: number } | null;
  error?: unknown;
  /** Records the undo logged (its change_log rows). */
  logged: number;
}

/** Child mode: undo the import in `dataDir` through the channels, print a JSON report. */
async function undoChild(dataDir: string): Promise<void> {
  const { createRuntime } = await import('../src/main/core/runtime');
  const rt = await createRuntime(dataDir);
  const [imp] = await rt.call('io.imports', {});
  const logBefore = rt.app.db.sqlite.prepare('SELECT count(*) FROM change_log').pluck().get() as number;
  const { status, ms, cpuMs } = await timedJob(rt, () => rt.call('io.undoImport', { importId: imp!.id }));
  const report: UndoReport = {
    ms,
    cpuMs,
    rssMiB: process.resourceUsage().maxRSS / 1024,
    result: status.state === 'done' ? (status.result as UndoReport['result']) : null,
    error: status.state === 'done' ? undefined : (status.error ?? status.state),
    logged: (rt.app.db.sqlite.prepare('SELECT count(*) FROM change_log').pluck().get() as number) - logBefore,
  };
  await rt.close();
  process.stdout.write(`\nBENCH_IO_REPORT ${JSON.stringify(report)}\n`);
}

function runChild<T>(args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH_IO_REPORT '));
      if (!line) return reject(new Error(`${args[0]} child exited ${code} without a report:\n${out.slice(-2000)}`));
      resolve(JSON.parse(line.slice('BENCH_IO_REPORT '.length)) as T);
    });
  });
}

function sqlite3Available(): boolean {
  try {
    execFileSync('sqlite3', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** `sqlite3 db ".import --csv FILE contacts"` into a bare table (created from the header row). */
function sqliteImport(dir: string, csv: string): number {
  const db = join(dir, 'bare.db');
  rmSync(db, { force: true });
  const t = performance.now();
  execFileSync('sqlite3', [db, '.mode csv', `.import ${csv} contacts`], { stdio: ['ignore', 'ignore', 'inherit'] });
  const ms = performance.now() - t;
  const rows = Number(execFileSync('sqlite3', [db, 'SELECT count(*) FROM contacts']).toString().trim());
  if (!(rows > 0)) throw new Error('sqlite3 .import wrote no rows');
  return ms;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en');

export async function benchIo(): Promise<void> {
  const sizes = (process.env.BENCH_IO ?? '100000,1000000').split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
  if (sizes.length === 0) return console.log('\n=== import (BENCH_IO=0: skipped)');
  const haveSqlite = sqlite3Available();
  const dir = mkdtempSync(join(tmpdir(), 'kehu-bench-csv-'));
  try {
    for (const n of sizes) {
      const csv = join(dir, `contacts-${n}.csv`);
      await generateCsv(csv, n);
      console.log(`\n=== import of ${fmt(n)} contact rows from CSV (${(statSync(csv).size / 2 ** 20).toFixed(0)} MiB, UTF-8)`);
      const loadBefore = loadavg()[0]!;
      const dataDir = mkdtempSync(join(tmpdir(), 'kehu-bench-io-'));
      try {
        const report = await runChild<ChildReport>(['--io-child', csv, dataDir]);
        const load = `load avg ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`;
        if (!report.result) {
          console.log(`  Kehu import job failed: ${JSON.stringify(report.error)}`);
          continue;
        }
        printImport(n, report, load);
        if (haveSqlite) printSqlite(n, report.ms / 1000, sqliteImport(dir, csv) / 1000);
        else console.log('  sqlite3 CLI not found: no .import baseline, no ratio (apt-get install sqlite3)');
        printUndo(await runChild<UndoReport>(['--undo-child', dataDir]));
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function printImport(n: number, report: ChildReport, load: string): void {
  const secs = report.ms / 1000;
  const r = report.result!;
  const goal = n === 100_000 ? `  (goal < ${GOAL.import100kSeconds} s)` : '';
  console.log(
    `  Kehu import job:   ${secs.toFixed(2)} s, ${fmt(n / secs)} rows/s, peak RSS ${fmt(report.rssMiB)} MiB` +
      `${n >= 1_000_000 ? ` (goal < ${GOAL.rss1MMiB} MiB)` : ''}${goal}`,
  );
  console.log(`    CPU ${(report.cpuMs / 1000).toFixed(2)} s (all threads of the child); ${load}`);
  console.log(`  SQLite alone:      ${(report.floorMs / 1000).toFixed(2)} s (the rows it wrote copied by INSERT … SELECT, no search index: the floor of its writes)`);
  console.log(`    created ${fmt(r.created)}, skipped ${fmt(r.skipped)}, rejected ${fmt(r.rejected)}, companies ${fmt(r.companiesCreated)}, tags ${fmt(r.tagsCreated)}; ${fmt(report.contacts)} contacts in the database`);
}

function printSqlite(n: number, secs: number, bare: number): void {
  console.log(`  sqlite3 .import:   ${bare.toFixed(2)} s, ${fmt(n / bare)} rows/s (bare table, no index)`);
  console.log(`  ratio Kehu / sqlite3: ${(secs / bare).toFixed(1)}x${n >= 1_000_000 ? ` (goal within ${GOAL.ratio1M}x)` : ''}`);
}

function printUndo(report: UndoReport): void {
  if (!report.result) return console.log(`  Kehu undo job failed: ${JSON.stringify(report.error)}`);
  const secs = report.ms / 1000;
  console.log(`  Kehu undo job:     ${secs.toFixed(2)} s, ${fmt(report.logged / secs)} records/s, peak RSS ${fmt(report.rssMiB)} MiB (its own child)`);
  console.log(`    CPU ${(report.cpuMs / 1000).toFixed(2)} s; removed ${fmt(report.result.removed)}, restored ${fmt(report.result.restored)}; ${fmt(report.logged)} records logged (taggings, contacts, companies, tags)`);
}

if (process.argv[2] === '--io-child') await child(process.argv[3], process.argv[4]);
else if (process.argv[2] === '--undo-child') await undoChild(process.argv[3]);
else if (process.argv[1] === fileURLToPath(import.meta.url)) await benchIo();
