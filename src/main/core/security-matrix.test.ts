// Issue #5: "a matrix over every channel and every role checks allowed/refused".
// The dispatcher parses the input before it checks the permission, so an empty input would answer
// invalid_input and hide the decision. Every channel is therefore called with its smallest VALID
// input (sample-input.ts; the first test proves each one parses), and for every built-in role the
// answer must be 'forbidden' exactly when the role lacks the channel's permission. An allowed call
// may still fail for its own reasons (not_found, conflict, ...): only 'forbidden' is judged here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type Channel } from '../../shared/contract';
import { builtinSession, ROLE_NAMES, ROLE_PERMISSIONS, type RoleName, type SessionInfo } from '../../shared/permissions';
import { jobsOf } from '../jobs/registry';
import { tempRuntime, type TempRuntime } from '../test/temp-runtime';
import { sampleInput } from './sample-input';
import { OWNER_ID } from './session';

const CHANNELS = Object.keys(contract) as Channel[];

/** These close and replace or convert the database file: each runs on a data folder of its own. */
const REPLACES_DATABASE: ReadonlySet<Channel> = new Set(['auth.setup', 'security.setMode', 'backups.restore']);

function mayCall(role: RoleName, channel: Channel): boolean {
  const def = contract[channel];
  return def.public === true || def.permission === 'signed_in' || ROLE_PERMISSIONS[role].includes(def.permission);
}

async function sessionsOf(rt: TempRuntime): Promise<Record<RoleName, SessionInfo>> {
  const at = new Date().toISOString();
  const out = {} as Record<RoleName, SessionInfo>;
  for (const role of ROLE_NAMES) {
    const id = role === 'admin' ? OWNER_ID : `u-${role}`;
    if (role !== 'admin') {
      await rt.app.db.kysely
        .insertInto('users')
        .values({ id, name: role, role, login: role, created_at: at, updated_at: at, created_by: OWNER_ID, owner_id: OWNER_ID, deleted_at: null })
        .execute();
    }
    out[role] = builtinSession(role, id, role);
  }
  return out;
}

/** The error code of each role's call (null: ok); a job it started is waited for. */
async function callAsEveryRole(rt: TempRuntime, sessions: Record<RoleName, SessionInfo>, channel: Channel): Promise<Record<RoleName, string | null>> {
  const out = {} as Record<RoleName, string | null>;
  for (const role of ROLE_NAMES) {
    const result = await rt.dispatch(channel, sampleInput(channel), sessions[role]);
    const jobId = result.ok ? (result.data as { jobId?: unknown } | null)?.jobId : undefined;
    if (typeof jobId === 'string') await jobsOf(rt.app).wait(jobId);
    out[role] = result.ok ? null : result.error.code;
  }
  return out;
}

const expectedDecisions = (channel: Channel) =>
  Object.fromEntries(ROLE_NAMES.map((role) => [role, mayCall(role, channel) ? 'allowed' : 'forbidden']));
const decisions = (codes: Record<RoleName, string | null>) =>
  Object.fromEntries(ROLE_NAMES.map((role) => [role, codes[role] === 'forbidden' ? 'forbidden' : 'allowed']));

describe('channel × role matrix', () => {
  let rt: TempRuntime;
  let sessions: Record<RoleName, SessionInfo>;
  beforeAll(async () => {
    rt = await tempRuntime();
    sessions = await sessionsOf(rt);
  });
  afterAll(() => rt.dispose());

  it('has a valid sample input for every channel, so the permission check is reached', () => {
    const invalid = CHANNELS.filter((c) => !contract[c].input.safeParse(sampleInput(c)).success);
    expect(invalid).toEqual([]);
  });

  it('every role is refused exactly the channels whose permission it lacks', { timeout: 120_000 }, async () => {
    const wrong: string[] = [];
    for (const channel of CHANNELS.filter((c) => !REPLACES_DATABASE.has(c))) {
      const got = decisions(await callAsEveryRole(rt, sessions, channel));
      const want = expectedDecisions(channel);
      for (const role of ROLE_NAMES) if (got[role] !== want[role]) wrong.push(`${channel} as ${role}: ${got[role]}, expected ${want[role]}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each([...REPLACES_DATABASE])('%s: refused or allowed by role on a data folder of its own', { timeout: 60_000 }, async (channel) => {
    const own = await tempRuntime();
    try {
      expect(decisions(await callAsEveryRole(own, await sessionsOf(own), channel))).toEqual(expectedDecisions(channel));
    } finally {
      await own.dispose();
    }
  });
});
