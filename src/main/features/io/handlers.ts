// Import/export channels (shared/io.ts). The long parts are jobs (io/import/task.ts,
// io/export/task.ts, io/import/undo.ts); these handlers take uploads, preview, keep mappings and the history.
import { KehuError, notFound } from '../../../shared/errors';
import type { ImportHistoryEntry, IoEntity, ioContract, PreviewRow, SavedMapping, SourceInfo } from '../../../shared/io';
import type { AppState, HandlersOf } from '../../core/context';
import { newId } from '../../core/ids';
import { visibleTo } from '../../core/visibility';
import { jobsOf } from '../../jobs/registry';
import { fileName, filePath, removeOldFiles, writeUploadChunk } from '../../io/files';
import { exportHandlers } from '../../io/export/handlers';
import { inspectFile } from '../../io/read';
import { RowChecker } from '../../io/import/engine';
import { duplicateKeys } from '../../io/import/prepare';
import { lastBundleAt, undoKeepsTags } from '../../io/import/created';
import { undoableImport } from '../../io/import/undo';
import { badTargets, PRESETS, suggestMapping, withoutForeignIds } from '../../io/import/mapping';

const cleaned = new WeakSet<AppState>();
/** Uploads and downloads older than a day go the first time this app handles a file. */
function cleanOnce(app: AppState): void {
  if (cleaned.has(app)) return;
  cleaned.add(app);
  removeOldFiles(app.dataDir);
}

function sourceInfo(info: { format: SourceInfo['format']; encoding: string | null; delimiter: string | null; sheets: string[]; sheet: string | null; headers: string[] }): SourceInfo {
  return { format: info.format, encoding: info.encoding ?? '', delimiter: info.delimiter ?? '', sheets: info.sheets, sheet: info.sheet ?? '', headers: info.headers };
}

export const ioHandlers: HandlersOf<typeof ioContract> = {
  'io.upload': async (input, ctx) => {
    cleanOnce(ctx.app);
    return { uploadId: writeUploadChunk(ctx.app.dataDir, input) };
  },

  'io.inspect': async (input, ctx) => {
    const path = filePath(ctx.app.dataDir, 'uploads', input.uploadId);
    const { info: raw, sample } = await inspectFile(path, { encoding: input.encoding, delimiter: input.delimiter, sheet: input.sheet, sampleRows: 20 });
    const info = sourceInfo(raw);
    const table = input.entity === 'contact' ? 'contacts' : 'companies';
    const checker = new RowChecker(ctx.app.db.sqlite, input.entity, visibleTo(ctx.session, table, 'r').compile(ctx.db));
    // A saved mapping may name a custom field deleted since: that column is not imported (shown so).
    const live = new Set(checker.customDefs.map((f) => `custom:${f.id}`));
    const given = input.mapping && Object.fromEntries(Object.entries(input.mapping).filter(([, t]) => !t.startsWith('custom:') || live.has(t)));
    const mapping = given ?? withoutForeignIds(suggestMapping(input.entity, info.headers, checker.customDefs), sample);
    const bad = badTargets(input.entity, mapping);
    if (bad.length) throw new KehuError({ code: 'invalid_input', fields: [{ path: 'mapping', message: 'validation.mapping_target', params: { target: bad[0]! } }] });
    const preview: PreviewRow[] = sample.map((values, i) => {
      const line = i + 1;
      const checked = checker.check(mapping, values, info.headers.length);
      const shown = { ...(checked.fields ?? checked.mapped.input) } as Record<string, unknown>;
      delete shown.tagIds;
      delete shown.ownerId;
      delete shown.companyId;
      if (checked.mapped.companyName) shown.company = checked.mapped.companyName;
      if (checked.mapped.tagNames.length) shown.tags = checked.mapped.tagNames;
      if (checked.mapped.recordId) shown.recordId = checked.mapped.recordId;
      // A custom value that does not fit is shown as the file has it (its cell is marked).
      shown.custom = { ...checked.mapped.custom, ...checked.custom };
      let duplicate = null;
      const keys = checked.fields && duplicateKeys(input.entity, checked.fields, checked.mapped);
      const matched = keys && checker.match(keys);
      if (matched && 'problem' in matched) checked.errors.push(matched.problem);
      else if (keys && matched) {
        duplicate = matched.duplicate;
        // As the import goes on: later rows with its keys are duplicates of the record it matched,
        // else of this row (the record it would create).
        const record = duplicate?.id ?? `line-${line}`;
        checker.remember(keys, String(checked.fields!.name), record, line);
        checker.claim(keys, record, line);
        if (duplicate?.source === 'file') delete duplicate.id;
      }
      return { line, values: shown, errors: checked.errors, duplicate };
    });
    return { uploadId: input.uploadId, fileName: fileName(ctx.app.dataDir, 'uploads', input.uploadId), info, mapping, preview };
  },

  'io.mappings': async ({ entity }, ctx) => {
    let q = ctx.db.selectFrom('import_mappings').selectAll().orderBy('name');
    if (entity) q = q.where('entity', '=', entity);
    const saved: SavedMapping[] = (await q.execute()).map((m) => ({
      id: m.id,
      name: m.name,
      entity: m.entity as IoEntity,
      columns: JSON.parse(m.columns) as Record<string, string>,
      builtin: false,
    }));
    return [...PRESETS.filter((p) => !entity || p.entity === entity), ...saved];
  },

  'io.saveMapping': async ({ name, entity, columns }, ctx) => {
    const bad = badTargets(entity, Object.fromEntries(Object.values(columns).map((t, i) => [String(i), t])));
    if (bad.length) throw new KehuError({ code: 'invalid_input', fields: [{ path: 'columns', message: 'validation.mapping_target', params: { target: bad[0]! } }] });
    // `kehu import --map NAME` finds a built-in preset by its name: a saved one may not take it.
    const preset = PRESETS.find((p) => p.name.toLowerCase() === name.trim().toLowerCase());
    if (preset) throw new KehuError({ code: 'invalid_input', fields: [{ path: 'name', message: 'io.mapping.builtinName', params: { name: preset.name } }] });
    const existing = await ctx.db.selectFrom('import_mappings').select('id').where('entity', '=', entity).where('name', '=', name).executeTakeFirst();
    const id = existing?.id ?? newId();
    if (existing) await ctx.db.updateTable('import_mappings').set({ columns: JSON.stringify(columns) }).where('id', '=', id).execute();
    else await ctx.db.insertInto('import_mappings').values({ id, name, entity, columns: JSON.stringify(columns), created_at: ctx.now }).execute();
    return { id, name, entity, columns, builtin: false };
  },

  'io.deleteMapping': async ({ id }, ctx) => {
    const res = await ctx.db.deleteFrom('import_mappings').where('id', '=', id).executeTakeFirst();
    if (Number(res.numDeletedRows) === 0) throw notFound('import_mapping', id);
  },

  'io.startImport': async (input, ctx) => {
    filePath(ctx.app.dataDir, 'uploads', input.uploadId); // not_found now rather than in the job
    const jobId = jobsOf(ctx.app).start({ kind: 'io.import', input, auditInput: input, session: ctx.session });
    return { jobId };
  },

  'io.imports': async ({ limit }, ctx) => {
    const rows = await ctx.db
      .selectFrom('imports')
      .leftJoin('users', 'users.id', 'imports.user_id')
      .select(['imports.id', 'imports.at', 'imports.user_id', 'users.name as user_name', 'imports.file_name', 'imports.entity', 'imports.created', 'imports.updated', 'imports.skipped', 'imports.rejected', 'imports.undone_at'])
      .orderBy('imports.at', 'desc')
      .limit(limit)
      .execute();
    const lastBundle = await lastBundleAt(ctx.db);
    return rows.map(
      (r): ImportHistoryEntry => ({
        id: r.id,
        at: r.at,
        userId: r.user_id,
        userName: r.user_name ?? '',
        fileName: r.file_name,
        entity: r.entity as IoEntity,
        created: r.created,
        updated: r.updated,
        skipped: r.skipped,
        rejected: r.rejected,
        undoneAt: r.undone_at,
        undoable: r.undone_at === null && r.created + r.updated > 0,
        undoKeepsTags: undoKeepsTags(r.at, lastBundle),
      }),
    );
  },

  // The undo is a job (io/import/undo.ts); an unknown or undone import is refused here at once.
  'io.undoImport': async (input, ctx) => {
    await undoableImport(ctx.db, input.importId);
    const jobId = jobsOf(ctx.app).start({ kind: 'io.undo', input, auditInput: input, session: ctx.session });
    return { jobId };
  },

  'io.startExport': async (input, ctx) => {
    cleanOnce(ctx.app);
    return exportHandlers['io.startExport'](input, ctx);
  },
  'io.download': exportHandlers['io.download'],
};
