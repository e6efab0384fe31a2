// Pipelines and their stages, edited as a whole by sales admins. Stages keep their ids when
// edited, so opportunities (and their stage history) stay where they are.
import { sql } from 'kysely';
import type { z } from 'zod';
import { stageIssues, type Pipeline, type PipelineSave, type Stage, type StageKind } from '../../../shared/deals';
import { KehuError, notFound } from '../../../shared/errors';
import type { Ctx } from '../../core/context';
import { newId } from '../../core/ids';
import { invalidField } from '../customers';

type SaveInput = z.output<typeof PipelineSave>;

export async function listPipelines(ctx: Ctx): Promise<Pipeline[]> {
  const pipelines = await ctx.db
    .selectFrom('pipelines')
    .select(['id', 'name', 'position', 'is_default'])
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .orderBy('name')
    .execute();
  const { rows: stages } = await sql<Omit<Stage, 'kind'> & { kind: StageKind }>`
    SELECT s.id, s.pipeline_id AS "pipelineId", s.name, s.position, s.probability, s.kind,
      (SELECT count(*) FROM opportunities o WHERE o.stage_id = s.id AND o.deleted_at IS NULL) AS "dealCount"
    FROM pipeline_stages s WHERE s.deleted_at IS NULL ORDER BY s.position`.execute(ctx.db);
  return pipelines.map((p) => ({
    id: p.id,
    name: p.name,
    position: p.position,
    isDefault: p.is_default === 1,
    stages: stages.filter((s) => s.pipelineId === p.id),
  }));
}

export async function getPipeline(ctx: Ctx, id: string): Promise<Pipeline> {
  const pipeline = (await listPipelines(ctx)).find((p) => p.id === id);
  if (!pipeline) throw notFound('pipeline', id);
  return pipeline;
}

/** The default pipeline (or the first one when none is marked). */
export async function defaultPipeline(ctx: Ctx): Promise<Pipeline> {
  const all = await listPipelines(ctx);
  const found = all.find((p) => p.isDefault) ?? all[0];
  if (!found) throw new KehuError({ code: 'not_found', message: 'deals.errors.no_pipeline' });
  return found;
}

/** Opportunities in a stage or pipeline, also those in the Trash (they would come back there). */
async function dealsIn(ctx: Ctx, column: 'stage_id' | 'pipeline_id', id: string): Promise<number> {
  const row = await ctx.db
    .selectFrom('opportunities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(column, '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function savePipeline(input: SaveInput, ctx: Ctx): Promise<Pipeline> {
  const issues = stageIssues(input.stages);
  if (issues.length > 0) throw new KehuError({ code: 'invalid_input', fields: issues });
  const id = input.id ?? newId();
  const existing = input.id ? await getPipeline(ctx, input.id) : null;
  await checkStages(ctx, input, existing);
  // One default at a time; the default stays one until another pipeline takes it over.
  const isDefault = input.isDefault || (existing?.isDefault ?? false);
  if (isDefault) await clearOtherDefaults(ctx, id);
  if (existing) {
    await ctx.changes.update('pipelines', id, { name: input.name, is_default: isDefault ? 1 : 0 });
  } else {
    const last = await ctx.db.selectFrom('pipelines').select((eb) => eb.fn.max('position').as('p')).where('deleted_at', 'is', null).executeTakeFirst();
    await ctx.changes.insert('pipelines', { id, name: input.name, position: Number(last?.p ?? -1) + 1, is_default: isDefault ? 1 : 0 });
  }
  await writeStages(ctx, id, input, existing);
  return getPipeline(ctx, id);
}

/** Stage ids must be this pipeline's; a removed stage or a changed kind must hold no opportunities. */
async function checkStages(ctx: Ctx, input: SaveInput, existing: Pipeline | null): Promise<void> {
  const own = new Map((existing?.stages ?? []).map((s) => [s.id, s]));
  for (const [i, stage] of input.stages.entries()) {
    if (stage.id && !own.has(stage.id)) throw invalidField(`stages.${i}.id`, 'deals.errors.no_stage');
    const before = stage.id ? own.get(stage.id) : undefined;
    if (before && before.kind !== stage.kind && (await dealsIn(ctx, 'stage_id', before.id)) > 0) {
      throw invalidField(`stages.${i}.kind`, 'deals.errors.stage_kind_in_use', { name: before.name });
    }
  }
  const kept = new Set(input.stages.map((s) => s.id));
  for (const stage of own.values()) {
    if (!kept.has(stage.id) && (await dealsIn(ctx, 'stage_id', stage.id)) > 0) {
      throw invalidField('stages', 'deals.errors.stage_in_use', { name: stage.name });
    }
  }
}

async function writeStages(ctx: Ctx, pipelineId: string, input: SaveInput, existing: Pipeline | null): Promise<void> {
  const kept = new Set(input.stages.map((s) => s.id));
  for (const stage of existing?.stages ?? []) if (!kept.has(stage.id)) await ctx.changes.softDelete('pipeline_stages', stage.id);
  for (const [position, stage] of input.stages.entries()) {
    const fields = { name: stage.name, probability: stage.probability, kind: stage.kind, position };
    if (stage.id) await ctx.changes.update('pipeline_stages', stage.id, fields);
    else await ctx.changes.insert('pipeline_stages', { id: newId(), pipeline_id: pipelineId, ...fields });
  }
}

async function clearOtherDefaults(ctx: Ctx, keepId: string): Promise<void> {
  const others = await ctx.db.selectFrom('pipelines').select('id').where('is_default', '=', 1).where('id', '!=', keepId).execute();
  for (const other of others) await ctx.changes.update('pipelines', other.id, { is_default: 0 });
}

export async function deletePipeline(id: string, ctx: Ctx): Promise<void> {
  const pipeline = await getPipeline(ctx, id);
  const all = await listPipelines(ctx);
  if (all.length === 1) throw new KehuError({ code: 'conflict', message: 'deals.errors.last_pipeline' });
  const held = await dealsIn(ctx, 'pipeline_id', id);
  if (held > 0) throw new KehuError({ code: 'conflict', message: 'deals.errors.pipeline_in_use', params: { count: held } });
  for (const stage of pipeline.stages) await ctx.changes.softDelete('pipeline_stages', stage.id);
  await ctx.changes.softDelete('pipelines', id);
  if (pipeline.isDefault) {
    const next = all.find((p) => p.id !== id);
    if (next) await ctx.changes.update('pipelines', next.id, { is_default: 1 });
  }
}
