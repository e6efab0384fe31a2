// Test helper: the smallest input a channel's zod schema accepts, made by walking the schema
// (required fields only, shortest strings, first enum member), so that the security tests reach
// the permission check and the handler of every channel without a hand-written table per channel.
// Refinements and formats the walk cannot know are filled from SAMPLE_OVERRIDES.
import type { z } from 'zod';
import { contract, type Channel } from '../../shared/contract';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  checks?: { _zod: { def: { check: string; minimum?: number; value?: number; inclusive?: boolean; format?: string } } }[];
  items?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  valueType?: z.ZodType;
  getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

function minOf(def: Def, check: string): number | undefined {
  const found = def.checks?.map((c) => c._zod.def).find((c) => c.check === check);
  return found?.minimum ?? found?.value;
}

const FORMATS: Record<string, string> = {
  email: 'a@example.com',
  url: 'https://example.com',
  datetime: '2026-01-01T00:00:00.000Z',
  date: '2026-01-01',
  uuid: '00000000-0000-4000-8000-000000000000',
};

function sampleString(def: Def): string {
  const format = def.checks?.map((c) => c._zod.def).find((c) => c.check === 'string_format')?.format;
  if (format && FORMATS[format]) return FORMATS[format];
  return 'x'.repeat(Math.max(1, minOf(def, 'min_length') ?? 1));
}

/** A value the schema accepts, or a best guess where it has refinements of its own. */
export function sampleOf(schema: z.ZodType): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape ?? {})) {
        if (!isOptional(field)) out[key] = sampleOf(field);
      }
      return out;
    }
    case 'string':
      return sampleString(def);
    case 'number':
    case 'int':
      return Math.max(0, minOf(def, 'greater_than') ?? 0);
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: minOf(def, 'min_length') ?? 0 }, () => sampleOf(def.element!));
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'literal':
      return def.values?.[0];
    case 'union':
      return sampleOf(def.options![0]);
    case 'intersection':
      return { ...(sampleOf(def.left!) as object), ...(sampleOf(def.right!) as object) };
    case 'tuple':
      return (def.items ?? []).map(sampleOf);
    case 'record':
      return {};
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
    case 'optional':
      return sampleOf(def.innerType!);
    case 'pipe':
      return sampleOf(def.in!);
    case 'lazy':
      return sampleOf(def.getter!());
    case 'custom':
      // Binary uploads (Uint8Array) are the only custom types in the contract.
      return new Uint8Array([1, 2, 3]);
    default:
      return null;
  }
}

function isOptional(schema: z.ZodType): boolean {
  const type = defOf(schema).type;
  return type === 'optional' || type === 'default' || type === 'prefault' || (schema as z.ZodType).safeParse(undefined).success;
}

/** Fields whose format or cross-field rule the walk cannot know, per channel. */
const SAMPLE_OVERRIDES: Partial<Record<Channel, Record<string, unknown>>> = {
  'activities.create': { occurredAt: '2026-01-01T00:00:00.000Z' },
  'tags.save': { color: '#336699' },
  'leads.assign': { ownerId: 'owner' },
  'calendar.range': { from: '2026-01-01', to: '2026-01-31' },
  'reminders.saveSettings': { timeOfDay: '09:00' },
  'reminders.dismiss': { keys: ['task:x:2026-01-01T00:00:00.000Z'] },
  'reminders.snooze': { key: 'task:x:2026-01-01T00:00:00.000Z' },
  'auth.setup': { login: 'xx' },
  'auth.totpEnable': { secret: 'ABCDEFGHIJKLMNOP' },
  'security.setMode': { login: 'xx' },
  'users.create': { login: 'xx' },
  'backups.restore': { file: 'x.db' },
};

/** The smallest valid input of a channel. */
export function sampleInput(channel: Channel): unknown {
  const sample = sampleOf(contract[channel].input);
  const override = SAMPLE_OVERRIDES[channel];
  return override ? { ...(sample as object), ...override } : sample;
}
