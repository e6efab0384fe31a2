// Test helper: opportunities with controlled dates and stage histories written straight to
// SQLite, so the forecast tests fix every figure (and do not depend on the deals handlers).
import type { Kysely } from 'kysely';
import { newId } from '../../core/ids';
import type { Database } from '../../db/schema';

export interface TestDeal {
  amount: number;
  probability?: number;
  currency?: string;
  /** YYYY-MM-DD. */
  expectedClose?: string | null;
  status?: 'open' | 'won' | 'lost';
  createdAt?: string;
  closedAt?: string | null;
  ownerId?: string;
  pipelineId?: string;
  /** Stages entered, in order: the last one is the current stage. */
  stages?: string[];
  deleted?: boolean;
}

export const CREATED = '2026-09-01T00:00:00.000Z';

export async function addDeal(db: Kysely<Database>, deal: TestDeal): Promise<string> {
  const id = newId();
  const stages = deal.stages ?? ['stage-default-1'];
  const createdAt = deal.createdAt ?? CREATED;
  const meta = { created_at: createdAt, updated_at: createdAt, created_by: 'owner', owner_id: deal.ownerId ?? 'owner' };
  await db
    .insertInto('opportunities')
    .values({
      id,
      name: `deal ${id}`,
      company_id: null,
      contact_id: null,
      lead_id: null,
      pipeline_id: deal.pipelineId ?? 'pipeline-default',
      stage_id: stages[stages.length - 1],
      stage_entered_at: createdAt,
      amount: deal.amount,
      currency: deal.currency ?? 'CNY',
      probability: deal.probability ?? 0,
      expected_close: deal.expectedClose ?? null,
      competitors: '[]',
      status: deal.status ?? 'open',
      closed_at: deal.closedAt ?? null,
      lost_reason: null,
      notes: null,
      ...meta,
      deleted_at: deal.deleted ? createdAt : null,
    })
    .execute();
  const history = stages.map((stageId, i) => ({
    id: newId(),
    opportunity_id: id,
    stage_id: stageId,
    entered_at: createdAt,
    left_at: i < stages.length - 1 ? createdAt : null,
    ...meta,
    deleted_at: null,
  }));
  await db.insertInto('opportunity_stage_history').values(history).execute();
  return id;
}

export async function addUser(db: Kysely<Database>, id: string, name: string): Promise<void> {
  const at = '2026-01-01T00:00:00.000Z';
  await db
    .insertInto('users')
    .values({ id, name, role: 'sales', created_at: at, updated_at: at, created_by: 'owner', owner_id: 'owner', deleted_at: null })
    .execute();
}

/** A second pipeline with one open, one won and one lost stage. */
export async function addPipeline(db: Kysely<Database>, id: string): Promise<void> {
  const meta = { created_at: CREATED, updated_at: CREATED, created_by: 'owner', owner_id: 'owner', deleted_at: null };
  await db.insertInto('pipelines').values({ id, name: `pipeline ${id}`, position: 1, is_default: 0, ...meta }).execute();
  const stages = (['open', 'won', 'lost'] as const).map((kind, position) => ({
    id: `${id}-${kind}`,
    pipeline_id: id,
    name: kind,
    position,
    probability: kind === 'won' ? 100 : 20,
    kind,
    ...meta,
  }));
  await db.insertInto('pipeline_stages').values(stages).execute();
}
