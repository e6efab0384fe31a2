// Quotes: made from an opportunity or by hand, edited while draft or sent, then accepted or
// rejected. A draft or sent quote past its validity date shows as expired and cannot be accepted.
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import { KehuError, notFound } from '../../../shared/errors';
import { totals } from '../../../shared/money';
import type { Quote, QuoteCreate, QuoteList, QuoteStatus, QuoteSummary, QuoteUpdate } from '../../../shared/orders';
import type { Page } from '../../../shared/paging';
import type { Ctx } from '../../core/context';
import { visibleTo } from '../../core/visibility';
import { newId } from '../../core/ids';
import type { Database } from '../../db/schema';
import { cutPage, decodeCursor } from '../customers';
import { listLineItems, replaceLineItems } from '../sales/line-items';
import { dayAfter, localDay } from './days';
import { checkCustomer, checkProducts, type LineInput } from './links';
import { nextNumber } from './numbering';

/** How long a new quote is valid, in days. */
const VALID_DAYS = 30;

function quoteRows(db: Kysely<Database>) {
  return db
    .selectFrom('quotes as q')
    .leftJoin('opportunities as o', 'o.id', 'q.opportunity_id')
    .leftJoin('companies as c', 'c.id', 'q.company_id')
    .leftJoin('contacts as p', 'p.id', 'q.contact_id')
    .selectAll('q')
    .select(['o.name as opportunity_name', 'c.name as company_name', 'p.name as contact_name'])
    .where('q.deleted_at', 'is', null);
}
type QuoteRow = Awaited<ReturnType<ReturnType<typeof quoteRows>['executeTakeFirstOrThrow']>>;

/** The status a person sees: draft/sent turn expired after the validity day. */
export function shownStatus(status: string, validUntil: string | null, today: string): QuoteStatus {
  const open = status === 'draft' || status === 'sent';
  return open && validUntil !== null && validUntil < today ? 'expired' : (status as QuoteStatus);
}

function toSummary(r: QuoteRow, today: string): QuoteSummary {
  return {
    id: r.id,
    number: r.number,
    status: shownStatus(r.status, r.valid_until, today),
    opportunityId: r.opportunity_id,
    opportunityName: r.opportunity_name,
    companyId: r.company_id,
    companyName: r.company_name,
    contactId: r.contact_id,
    contactName: r.contact_name,
    currency: r.currency,
    subtotal: r.subtotal,
    discount: r.discount,
    taxRate: r.tax_rate,
    tax: r.tax,
    total: r.total,
    validUntil: r.valid_until,
    createdAt: r.created_at,
  };
}

export async function getQuote(ctx: Ctx, id: string): Promise<Quote> {
  const row = await quoteRows(ctx.db).where('q.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('quote', id);
  const order = await ctx.db
    .selectFrom('orders')
    .select('id')
    .where('quote_id', '=', id)
    .where('status', '!=', 'cancelled')
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return { ...toSummary(row, localDay(ctx.now)), notes: row.notes, lines: await listLineItems(ctx.db, 'quote', id), orderId: order?.id ?? null };
}

/** Newest first; `expired` is a filter on the validity day, not a stored status. */
export async function listQuotes(ctx: Ctx, input: z.output<typeof QuoteList>): Promise<Page<QuoteSummary>> {
  const today = localDay(ctx.now);
  const cursor = decodeCursor(input.cursor);
  let q = quoteRows(ctx.db).where(visibleTo(ctx.session, 'quotes', 'q')).orderBy('q.rid', 'desc').limit(input.limit + 1);
  if (cursor) q = q.where('q.rid', '<', Number(cursor.tie));
  if (input.opportunityId) q = q.where('q.opportunity_id', '=', input.opportunityId);
  const stillValid = sql<boolean>`(q.valid_until IS NULL OR q.valid_until >= ${today})`;
  if (input.status === 'expired') q = q.where('q.status', 'in', ['draft', 'sent']).where(sql<boolean>`q.valid_until < ${today}`);
  else if (input.status === 'draft' || input.status === 'sent') q = q.where('q.status', '=', input.status).where(stillValid);
  else if (input.status) q = q.where('q.status', '=', input.status);
  const page = cutPage(await q.execute(), input.limit, (r) => ({ value: null, tie: r.rid }));
  return { items: page.rows.map((r) => toSummary(r, today)), nextCursor: page.nextCursor };
}

interface NewQuote {
  opportunityId: string | null;
  companyId: string | null;
  contactId: string | null;
  currency: string;
  lines: LineInput[];
  discount: number;
  taxRate: number;
  validUntil: string | null;
  notes: string | null;
}

function totalsColumns(lines: LineInput[], discount: number, taxRate: number) {
  const t = totals(lines, discount, taxRate);
  return { subtotal: t.subtotal, discount: t.discount, tax_rate: t.taxRate, tax: t.tax, total: t.total };
}

async function insertQuote(ctx: Ctx, q: NewQuote): Promise<Quote> {
  await checkCustomer(ctx, q.companyId, q.contactId);
  await checkProducts(ctx, q.lines);
  const id = newId();
  await ctx.changes.insert('quotes', {
    id,
    number: await nextNumber(ctx, 'quotes', 'Q'),
    opportunity_id: q.opportunityId,
    company_id: q.companyId,
    contact_id: q.contactId,
    status: 'draft',
    currency: q.currency,
    ...totalsColumns(q.lines, q.discount, q.taxRate),
    valid_until: q.validUntil,
    notes: q.notes,
  });
  await replaceLineItems(ctx, 'quote', id, q.lines);
  return getQuote(ctx, id);
}

export function createQuote(ctx: Ctx, input: z.output<typeof QuoteCreate>): Promise<Quote> {
  return insertQuote(ctx, { ...input, opportunityId: null, validUntil: input.validUntil ?? dayAfter(ctx.now, VALID_DAYS) });
}

/** The opportunity's lines, company and contact; an opportunity without lines gives one line of its amount. */
export async function createQuoteFromOpportunity(ctx: Ctx, opportunityId: string): Promise<Quote> {
  const opp = await ctx.db
    .selectFrom('opportunities')
    .select(['id', 'name', 'company_id', 'contact_id', 'amount', 'currency'])
    .where('id', '=', opportunityId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!opp) throw notFound('opportunity', opportunityId);
  const items = await listLineItems(ctx.db, 'opportunity', opp.id);
  const lines: LineInput[] =
    items.length > 0
      ? items
      : opp.amount > 0
        ? [{ productId: null, name: opp.name, unit: null, quantity: 1, unitPrice: opp.amount, discount: 0 }]
        : [];
  return insertQuote(ctx, {
    opportunityId: opp.id,
    companyId: opp.company_id,
    contactId: opp.contact_id,
    currency: opp.currency,
    // Products deleted since the opportunity was made keep their line, without the link.
    lines: await withLiveProducts(ctx, lines),
    discount: 0,
    taxRate: 0,
    validUntil: dayAfter(ctx.now, VALID_DAYS),
    notes: null,
  });
}

async function withLiveProducts(ctx: Ctx, lines: LineInput[]): Promise<LineInput[]> {
  const ids = lines.flatMap((l) => (l.productId ? [l.productId] : []));
  if (ids.length === 0) return lines;
  const live = new Set(
    (await ctx.db.selectFrom('products').select('id').where('id', 'in', ids).where('deleted_at', 'is', null).execute()).map((r) => r.id),
  );
  return lines.map((l) => (l.productId && !live.has(l.productId) ? { ...l, productId: null } : l));
}

async function storedQuote(ctx: Ctx, id: string) {
  const row = await ctx.db.selectFrom('quotes').select(['status', 'valid_until']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw notFound('quote', id);
  return row;
}

const refused = (message: string, params?: Record<string, string>) => new KehuError({ code: 'conflict', message, ...(params ? { params } : {}) });

export async function updateQuote(ctx: Ctx, input: z.output<typeof QuoteUpdate>): Promise<Quote> {
  const { status } = await storedQuote(ctx, input.id);
  if (status !== 'draft' && status !== 'sent') throw refused('orders.errors.quote_locked');
  await checkCustomer(ctx, input.companyId, input.contactId);
  await checkProducts(ctx, input.lines);
  await ctx.changes.update('quotes', input.id, {
    company_id: input.companyId,
    contact_id: input.contactId,
    ...totalsColumns(input.lines, input.discount, input.taxRate),
    valid_until: input.validUntil,
    notes: input.notes,
  });
  await replaceLineItems(ctx, 'quote', input.id, input.lines);
  return getQuote(ctx, input.id);
}

const QUOTE_NEXT: Record<string, readonly string[]> = { draft: ['sent'], sent: ['accepted', 'rejected'] };

export async function setQuoteStatus(ctx: Ctx, id: string, to: 'sent' | 'accepted' | 'rejected'): Promise<Quote> {
  const row = await storedQuote(ctx, id);
  if (!QUOTE_NEXT[row.status]?.includes(to)) throw refused('orders.errors.bad_transition');
  if (to !== 'rejected' && shownStatus(row.status, row.valid_until, localDay(ctx.now)) === 'expired') {
    throw refused('orders.errors.quote_expired', { validUntil: row.valid_until ?? '' });
  }
  await ctx.changes.update('quotes', id, { status: to });
  return getQuote(ctx, id);
}
