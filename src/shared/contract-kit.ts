// The building block of the contract: every channel names its input schema, output type, kind
// and permission once, here in src/shared, and everything else (dispatcher, handlers, clients)
// is typed from it.
import type { z } from 'zod';
import type { Permission } from './permissions';

/** Any signed-in user (one's own password, sign-out); with `public`, also nobody (sign-in). */
export type ChannelPermission = Permission | 'signed_in';

export type ChannelKind = 'query' | 'mutation';

export interface ChannelDef<I extends z.ZodType, O> {
  kind: ChannelKind;
  permission: ChannelPermission;
  input: I;
  /** Phantom: carries the output type, never read at run time. */
  output?: O;
  /** Audit/change-log entity name; mutations without one are still audited by channel. */
  entity?: string;
  /** May be called without a session (login, host info). */
  public?: boolean;
}

export function channel<O>() {
  return <I extends z.ZodType>(def: Omit<ChannelDef<I, O>, 'output'>): ChannelDef<I, O> => def;
}

export type AnyChannelDef = ChannelDef<z.ZodType, unknown>;
export type ChannelTable = Record<string, AnyChannelDef>;
