// The interaction timeline on every company and contact, and a lead's follow-ups (subject 'lead').
import { z } from 'zod';
import { channel } from './contract-kit';
import { pageInput, type Page } from './paging';
import { idField, isoTimeField } from './validation';

export const ACTIVITY_KINDS = ['call', 'visit', 'meeting', 'email', 'wechat', 'note'] as const;
export const ActivityKind = z.enum(ACTIVITY_KINDS);
export type ActivityKind = z.infer<typeof ActivityKind>;
export const SubjectType = z.enum(['contact', 'company', 'lead']);

export interface Activity {
  id: string;
  subjectType: z.infer<typeof SubjectType>;
  subjectId: string;
  kind: ActivityKind;
  occurredAt: string;
  content: string;
  userId: string;
  userName: string | null;
  createdAt: string;
}

const content = z.string('validation.required').trim().min(1, 'validation.required').max(5000, 'validation.too_long');

export const ActivityCreate = z.object({
  subjectType: SubjectType,
  subjectId: idField,
  kind: ActivityKind,
  occurredAt: isoTimeField,
  content,
});
export const ActivityUpdate = z.object({
  id: idField,
  patch: z.object({ kind: ActivityKind, occurredAt: isoTimeField, content }).partial(),
});

export const activitiesContract = {
  /** Newest first. For a company, its contacts' activities are included. */
  'activities.list': channel<Page<Activity>>()({
    kind: 'query',
    permission: 'customers.read',
    input: z.object({ subjectId: idField, ...pageInput }),
  }),
  'activities.create': channel<Activity>()({
    kind: 'mutation',
    permission: 'customers.write',
    input: ActivityCreate,
    entity: 'activity',
  }),
  'activities.update': channel<Activity>()({
    kind: 'mutation',
    permission: 'customers.write',
    input: ActivityUpdate,
    entity: 'activity',
  }),
  'activities.delete': channel<void>()({
    kind: 'mutation',
    permission: 'customers.write',
    input: z.object({ id: idField }),
    entity: 'activity',
  }),
};
