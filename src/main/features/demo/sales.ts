// The sales part of the first-run sample: products, leads at every status, opportunities across the
// default pipeline (some won, one lost), a quote turned into a confirmed order, and tasks for the
// agenda. Written through the sales handlers themselves (inside the first-run mutation), so every
// rule, history row, stock movement and change_log entry is what a person's clicks would make.
import dayjs from 'dayjs';
import { contract, type Channel, type Input, type Output } from '../../../shared/contract';
import type { Ctx } from '../../core/context';
import { dealsHandlers } from '../deals/handlers';
import { leadsHandlers } from '../leads/handlers';
import { ordersHandlers } from '../orders/handlers';
import { tasksHandlers } from '../tasks/handlers';
import { GIVEN_CHARS, SURNAMES, TITLES } from './dictionary';
import type { Random } from './random';

type AnyHandler = (input: unknown, ctx: Ctx) => Promise<unknown>;
const HANDLERS = { ...leadsHandlers, ...dealsHandlers, ...ordersHandlers, ...tasksHandlers } as unknown as Record<string, AnyHandler>;

/** Runs a sales channel's handler in the caller's mutation, with its input parsed as dispatch would. */
async function run<C extends Channel>(ctx: Ctx, channel: C, input: Input<C>): Promise<Output<C>> {
  return (await HANDLERS[channel](contract[channel].input.parse(input), ctx)) as Output<C>;
}

const PRODUCTS: [sku: string, name: string, unit: string, yuan: number, stock: number, backorder?: boolean][] = [
  ['KH-R100', '工业路由器', '台', 1280, 50],
  ['KH-S24', '24 口千兆交换机', '台', 2380, 15],
  ['KH-C8', '高清监控摄像头', '个', 399, 120],
  ['KH-M20', '智能电表', '个', 460, 200],
  ['KH-D5', '门禁一体机', '台', 1650, 30],
  ['KH-W6', '六类网线', '箱', 320, 80],
  ['SV-INST', '上门安装服务', '次', 800, 0, true],
  ['SV-CARE', '年度维保', '年', 3600, 0, true],
];

const LEAD_COMPANIES = ['宁波海瑞电子', '苏州天工精密', '佛山华美家居', '成都蜀信物流', '温州正泰灯饰', '合肥新锐科技', '东莞联昌五金', '厦门金海贸易'];

function personName(random: Random): string {
  return random.weighted(SURNAMES) + random.pick(GIVEN_CHARS) + (random.chance(0.6) ? random.pick(GIVEN_CHARS) : '');
}

async function seedProducts(ctx: Ctx): Promise<string[]> {
  const ids: string[] = [];
  for (const [sku, name, unit, yuan, stock, backorder] of PRODUCTS) {
    const product = await run(ctx, 'products.save', { sku, name, unit, price: yuan * 100, stock, allowBackorder: backorder ?? false });
    ids.push(product.id);
  }
  return ids;
}

async function seedLeads(ctx: Ctx, random: Random): Promise<string[]> {
  const sources = ['展会', '网站', '电话', '转介绍', '广告'];
  const ids: string[] = [];
  for (const [i, companyName] of LEAD_COMPANIES.entries()) {
    const lead = await run(ctx, 'leads.create', {
      name: personName(random),
      companyName,
      title: random.pick(TITLES),
      mobile: `139${String(20_260_000 + i * 7919).padStart(8, '0')}`,
      source: sources[i % sources.length],
      // Some follow-ups fall due yesterday (overdue), today and in the coming days.
      nextFollowUpAt: dayjs(ctx.now).add(i - 2, 'day').hour(10).minute(0).second(0).millisecond(0).toISOString(),
      force: true,
    });
    ids.push(lead.id);
  }
  await run(ctx, 'leads.setStatus', { id: ids[1], status: 'contacted' });
  await run(ctx, 'leads.setStatus', { id: ids[2], status: 'following' });
  await run(ctx, 'leads.setStatus', { id: ids[7], status: 'invalid', invalidReason: '联系不上' });
  return ids;
}

interface DealPlan {
  stage: number;
  lines: [product: number, quantity: number][];
  months: number;
}

/** Stage 1-4 open, 5 won, 6 lost (the migration's default pipeline). */
const DEALS: DealPlan[] = [
  { stage: 1, lines: [[0, 10]], months: 3 },
  { stage: 1, lines: [[2, 40], [6, 2]], months: 4 },
  { stage: 2, lines: [[1, 4], [5, 10]], months: 2 },
  { stage: 2, lines: [[3, 120]], months: 3 },
  { stage: 3, lines: [[4, 8], [6, 1]], months: 1 },
  { stage: 3, lines: [[0, 25], [7, 1]], months: 2 },
  { stage: 4, lines: [[1, 6], [2, 30]], months: 1 },
  { stage: 4, lines: [[3, 300]], months: 0 },
  { stage: 5, lines: [[2, 16], [6, 1]], months: 0 },
  { stage: 5, lines: [[4, 4]], months: 0 },
  { stage: 6, lines: [[0, 5]], months: 0 },
];

async function seedDeals(ctx: Ctx, companies: { id: string; name: string }[], products: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, plan] of DEALS.entries()) {
    const company = companies[i % companies.length];
    const lines = plan.lines.map(([p, quantity]) => ({ productId: products[p], name: PRODUCTS[p][1], unit: PRODUCTS[p][2], quantity, unitPrice: PRODUCTS[p][3] * 100 }));
    const deal = await run(ctx, 'deals.create', {
      name: `${company.name} · ${PRODUCTS[plan.lines[0][0]][1]}项目`,
      companyId: company.id,
      expectedClose: dayjs(ctx.now).add(plan.months, 'month').endOf('month').format('YYYY-MM-DD'),
      lines,
    });
    // Through every stage on the way, so that the history and the funnel show the path.
    for (let stage = 2; stage <= plan.stage; stage += 1) {
      if (stage === 5 && plan.stage === 6) continue;
      await run(ctx, 'deals.move', { id: deal.id, stageId: `stage-default-${stage}`, ...(stage === 6 ? { lostReason: '价格太高' } : {}) });
    }
    ids.push(deal.id);
  }
  return ids;
}

/** The first won opportunity gets an accepted quote and a confirmed order (its stock goes out). */
async function seedOrder(ctx: Ctx, wonDealId: string): Promise<void> {
  const quote = await run(ctx, 'quotes.createFromOpportunity', { opportunityId: wonDealId });
  await run(ctx, 'quotes.setStatus', { id: quote.id, status: 'sent' });
  await run(ctx, 'quotes.setStatus', { id: quote.id, status: 'accepted' });
  const order = await run(ctx, 'orders.createFromQuote', { quoteId: quote.id });
  await run(ctx, 'orders.setStatus', { id: order.id, status: 'confirmed' });
  await run(ctx, 'quotes.create', { companyId: null, lines: [{ name: PRODUCTS[7][1], unit: PRODUCTS[7][2], quantity: 1, unitPrice: PRODUCTS[7][3] * 100 }], taxRate: 1300 });
}

async function seedTasks(ctx: Ctx, refs: { contactId: string | null; leadId: string; dealId: string }): Promise<void> {
  const at = (days: number, hour: number) => dayjs(ctx.now).add(days, 'day').hour(hour).minute(0).second(0).millisecond(0).toISOString();
  const tasks: Input<'tasks.create'>[] = [
    { title: '电话回访：确认报价是否收到', dueAt: at(-1, 15), priority: 'high', subjectType: 'opportunity', subjectId: refs.dealId },
    { title: '准备演示方案', dueAt: at(0, 16), priority: 'urgent', subjectType: 'opportunity', subjectId: refs.dealId },
    { title: '首次联系新线索', dueAt: at(0, 11), subjectType: 'lead', subjectId: refs.leadId },
    { title: '拜访客户，了解采购计划', dueAt: at(2, 10), ...(refs.contactId ? { subjectType: 'contact' as const, subjectId: refs.contactId } : {}) },
    { title: '销售周例会', dueAt: at(3, 9), repeat: { freq: 'weekly', interval: 1 } },
    { title: '整理本月应收款', allDay: true, dueAt: dayjs(ctx.now).add(5, 'day').format('YYYY-MM-DD'), priority: 'low' },
  ];
  for (const task of tasks) await run(ctx, 'tasks.create', task);
}

export async function seedSalesSample(ctx: Ctx, random: Random, customers: { companies: { id: string; name: string }[]; contactId: string | null }): Promise<void> {
  if (customers.companies.length === 0) return;
  const products = await seedProducts(ctx);
  const leads = await seedLeads(ctx, random);
  const deals = await seedDeals(ctx, customers.companies, products);
  await seedOrder(ctx, deals[8]);
  await seedTasks(ctx, { contactId: customers.contactId, leadId: leads[0], dealId: deals[6] });
}
