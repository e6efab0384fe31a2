// Opportunities (商机) and pipelines: stages, board moves, stage history, line items, won/lost.
import { z } from 'zod';
import { channel } from './contract-kit';
import type { FieldIssue } from './errors';
import { patchOf } from './customers';
import { Currency, lineItemsField, moneyField, type LineItem } from './money';
import { DateRange, pageInput, SortDir, type Page } from './paging';
import { idField, LIMITS, nameField, optDate, optId, optText } from './validation';

export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];
/** An opportunity's status follows the kind of the stage it is in. */
export const DEAL_STATUSES = STAGE_KINDS;
export type DealStatus = StageKind;

export interface Stage {
  id: string;
  pipelineId: string;
  name: string;
  position: number;
  /** The stage's default win probability, 0-100. */
  probability: number;
  kind: StageKind;
  /** Live opportunities in this stage (any status). */
  dealCount: number;
}

export interface Pipeline {
  id: string;
  name: string;
  position: number;
  isDefault: boolean;
  /** In board order. */
  stages: Stage[];
}

const percentField = z.number('validation.number').int('validation.integer').min(0, 'validation.min').max(100, 'validation.too_large');

export const StageInput = z.object({
  /** Absent for a new stage. */
  id: idField.optional(),
  name: z.string('validation.required').trim().min(1, 'validation.required').max(30, 'validation.too_long'),
  probability: percentField,
  kind: z.enum(STAGE_KINDS, 'validation.required'),
});
export type StageInput = z.input<typeof StageInput>;

/**
 * A pipeline as a whole: its stages in board order (the array's order). A stage left out is
 * removed (refused while it still holds opportunities). The rules across stages are in
 * `stageIssues` (the dispatcher keeps only `validation.*` keys from a schema).
 */
export const PipelineSave = z.object({
  id: idField.optional(),
  name: z.string('validation.required').trim().min(1, 'validation.required').max(30, 'validation.too_long'),
  isDefault: z.boolean().default(false),
  stages: z.array(StageInput).max(20, 'validation.too_many'),
});

/** At least one open stage, exactly one won and one lost, no two with the same name. */
export function stageIssues(stages: { name: string; kind: StageKind }[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!stages.some((s) => s.kind === 'open')) issues.push({ path: 'stages', message: 'deals.errors.one_open' });
  for (const kind of ['won', 'lost'] as const) {
    if (stages.filter((s) => s.kind === kind).length !== 1) issues.push({ path: 'stages', message: `deals.errors.one_${kind}` });
  }
  const seen = new Set<string>();
  for (const [i, stage] of stages.entries()) {
    if (seen.has(stage.name.trim())) issues.push({ path: `stages.${i}.name`, message: 'deals.errors.stage_name_taken' });
    seen.add(stage.name.trim());
  }
  return issues;
}
export type PipelineSave = z.input<typeof PipelineSave>;

export interface Opportunity {
  id: string;
  name: string;
  companyId: string | null;
  companyName: string | null;
  contactId: string | null;
  contactName: string | null;
  leadId: string | null;
  pipelineId: string;
  stageId: string;
  stageName: string;
  stageKind: StageKind;
  /** When it entered its current stage. */
  stageEnteredAt: string;
  /** Minor units (fen). The line items' total when it has lines. */
  amount: number;
  currency: string;
  probability: number;
  /** amount × probability / 100, rounded to a fen. */
  weighted: number;
  /** YYYY-MM-DD. */
  expectedClose: string | null;
  competitors: string[];
  status: DealStatus;
  closedAt: string | null;
  lostReason: string | null;
  notes: string | null;
  ownerId: string;
  ownerName: string | null;
  lineCount: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** One stay in a stage: left_at null while it is still there. */
export interface StageVisit {
  id: string;
  stageId: string;
  stageName: string;
  stageKind: StageKind;
  enteredAt: string;
  leftAt: string | null;
  /** Milliseconds spent there (until now for the current stage). */
  durationMs: number;
}

export interface OpportunityDetail extends Opportunity {
  lines: LineItem[];
  /** Oldest first. */
  history: StageVisit[];
}

const competitorsField = z
  .array(z.string().trim().min(1, 'validation.required').max(50, 'validation.too_long'))
  .max(LIMITS.list * 2, 'validation.too_many')
  .default([]);

/** The fields a person edits. With line items the amount is their total (what is sent is ignored). */
export const DealFields = z.object({
  name: nameField,
  companyId: optId,
  contactId: optId,
  amount: moneyField.default(0),
  currency: Currency.default('CNY'),
  expectedClose: optDate,
  /** Null: the stage's default win probability. */
  probability: percentField.nullish().transform((v) => v ?? null),
  competitors: competitorsField,
  lines: lineItemsField.default([]),
  notes: optText(LIMITS.notes),
  ownerId: optId,
});
export type DealFields = z.input<typeof DealFields>;

export const DealCreate = DealFields.extend({
  /** Default pipeline when absent. */
  pipelineId: optId,
  /** The pipeline's first open stage when absent. */
  stageId: optId,
});
export type DealCreate = z.input<typeof DealCreate>;

export const DealUpdate = z.object({ id: idField, patch: patchOf(DealFields) });

export const DealMove = z.object({
  id: idField,
  /** Any live stage, also of another pipeline (the opportunity moves with it). */
  stageId: idField,
  /** Required when moving to a lost stage (a label of the 'lost_reason' picklist, or free text). */
  lostReason: optText(200),
});

export const DealSort = z.enum(['updated', 'created', 'close', 'amount', 'name']);
export type DealSort = z.infer<typeof DealSort>;

export const DealFilter = z
  .object({
    pipelineId: idField.nullish(),
    stageId: idField.nullish(),
    status: z.enum(DEAL_STATUSES).nullish(),
    ownerId: idField.nullish(),
    companyId: idField.nullish(),
    /** Expected close, YYYY-MM-DD, inclusive. */
    close: DateRange,
    /** Part of the opportunity's or its company's name. */
    q: z.string().trim().max(100).nullish(),
    /** The Trash view: deleted opportunities only. */
    deleted: z.boolean().default(false),
  })
  .default({ deleted: false });
export type DealFilter = NonNullable<z.input<typeof DealFilter>>;

export const DealList = z.object({
  ...pageInput,
  sort: DealSort.default('updated'),
  dir: SortDir.default('desc'),
  filter: DealFilter,
});

/** Over the whole filter, not just the page. Mixed currencies are summed as they are. */
export interface DealTotals {
  count: number;
  amount: number;
  weighted: number;
}

export interface DealPage extends Page<Opportunity> {
  totals: DealTotals;
}

export const BoardQuery = z.object({
  /** The default pipeline when absent. */
  pipelineId: idField.nullish(),
  ownerId: idField.nullish(),
  /** Won and lost columns show only opportunities closed in the last this many days. */
  closedDays: z.number().int().min(1).max(3650).default(30),
});

export interface BoardColumn {
  stage: Stage;
  /** Opportunities in the column (closed columns: closed within closedDays), all of them. */
  count: number;
  amount: number;
  weighted: number;
  /** The first 200 by expected close. */
  cards: Opportunity[];
}

export interface Board {
  pipeline: Pipeline;
  columns: BoardColumn[];
}

export const DealIds = z.object({ ids: z.array(idField).min(1).max(1000) });

export const dealsContract = {
  'pipelines.list': channel<Pipeline[]>()({ kind: 'query', permission: 'deals.read', input: z.object({}) }),
  'pipelines.save': channel<Pipeline>()({ kind: 'mutation', permission: 'sales.admin', input: PipelineSave, entity: 'pipeline' }),
  /** Refused while it holds opportunities (also deleted ones) and for the last pipeline. */
  'pipelines.delete': channel<void>()({ kind: 'mutation', permission: 'sales.admin', input: z.object({ id: idField }), entity: 'pipeline' }),

  'deals.list': channel<DealPage>()({ kind: 'query', permission: 'deals.read', input: DealList }),
  'deals.board': channel<Board>()({ kind: 'query', permission: 'deals.read', input: BoardQuery }),
  'deals.get': channel<OpportunityDetail>()({ kind: 'query', permission: 'deals.read', input: z.object({ id: idField }) }),
  'deals.create': channel<OpportunityDetail>()({ kind: 'mutation', permission: 'deals.write', input: DealCreate, entity: 'opportunity' }),
  'deals.update': channel<OpportunityDetail>()({ kind: 'mutation', permission: 'deals.write', input: DealUpdate, entity: 'opportunity' }),
  /** To another stage: stage history, probability, and won/lost/reopened status follow. */
  'deals.move': channel<OpportunityDetail>()({ kind: 'mutation', permission: 'deals.write', input: DealMove, entity: 'opportunity' }),
  /** To the Trash (soft delete). */
  'deals.delete': channel<{ deleted: number }>()({ kind: 'mutation', permission: 'deals.write', input: DealIds, entity: 'opportunity' }),
  'deals.restore': channel<{ restored: number }>()({ kind: 'mutation', permission: 'deals.write', input: DealIds, entity: 'opportunity' }),
};
