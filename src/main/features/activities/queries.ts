// Reading the timeline: newest first, keyset on (occurred_at, id).
import { sql, type Kysely } from 'kysely';
import type { Activity } from '../../../shared/activities';
import { notFound } from '../../../shared/errors';
import type { Page } from '../../../shared/paging';
import { visibleTo, type Viewer } from '../../core/visibility';
import type { Database } from '../../db/schema';
import { cutPage, decodeCursor } from '../customers';

interface ActivityRow {
  id: string;
  subject_type: Activity['subjectType'];
  subject_id: string;
  company_id: string | null;
  kind: Activity['kind'];
  occurred_at: string;
  content: string;
  owner_id: string;
  user_name: string | null;
  created_at: string;
}

const toActivity = (r: ActivityRow): Activity => ({
  id: r.id,
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  kind: r.kind,
  occurredAt: r.occurred_at,
  content: r.content,
  userId: r.owner_id,
  userName: r.user_name,
  createdAt: r.created_at,
});

const SELECT = sql`SELECT a.*, u.name AS user_name FROM activities a LEFT JOIN users u ON u.id = a.owner_id`;

/**
 * A contact's timeline, or a company's: every activity whose company_id is the company (its own
 * and its contacts', stamped at creation), so one index serves it. A company's timeline leaves
 * out the activities of its contacts the viewer may not see.
 */
export async function listActivities(
  db: Kysely<Database>,
  viewer: Viewer,
  input: { subjectId: string; cursor?: string | null; limit: number },
): Promise<Page<Activity>> {
  const isCompany = await db.selectFrom('companies').select('id').where('id', '=', input.subjectId).executeTakeFirst();
  const column = sql.ref(isCompany ? 'a.company_id' : 'a.subject_id');
  const hidden = isCompany && viewer.scope !== 'all'
    ? sql`AND (a.subject_type <> 'contact' OR EXISTS (SELECT 1 FROM contacts c WHERE c.id = a.subject_id AND ${visibleTo(viewer, 'contacts', 'c')}))`
    : sql``;
  const cursor = decodeCursor(input.cursor);
  const after = cursor ? sql`AND (a.occurred_at, a.id) < (${cursor.value}, ${cursor.tie})` : sql``;
  const { rows } = await sql<ActivityRow>`${SELECT}
    WHERE ${column} = ${input.subjectId} AND a.deleted_at IS NULL ${hidden} ${after}
    ORDER BY a.occurred_at DESC, a.id DESC LIMIT ${input.limit + 1}`.execute(db);
  const page = cutPage(rows, input.limit, (r) => ({ value: r.occurred_at, tie: r.id }));
  return { items: page.rows.map(toActivity), nextCursor: page.nextCursor };
}

/** One live activity. */
export async function loadActivity(db: Kysely<Database>, id: string): Promise<{ activity: Activity; companyId: string | null }> {
  const { rows } = await sql<ActivityRow>`${SELECT} WHERE a.id = ${id} AND a.deleted_at IS NULL`.execute(db);
  if (!rows[0]) throw notFound('activity', id);
  return { activity: toActivity(rows[0]), companyId: rows[0].company_id };
}
