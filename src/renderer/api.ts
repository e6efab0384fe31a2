// The one client of the contract: the Electron preload (window.kehu) when present, else the
// browser host's POST /api/invoke. Failures throw an ApiError carrying the typed error data; an
// 'unauthenticated' answer (idle expiry, a restore, a disabled user) also tells the sign-in gate.
import type { Channel, Input, Output } from '../shared/contract';
import type { KehuErrorData, Result } from '../shared/errors';

declare global {
  interface Window {
    kehu?: { invoke(channel: string, input: unknown): Promise<Result<unknown>> };
  }
}

export class ApiError extends Error {
  readonly data: KehuErrorData;
  constructor(data: KehuErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.data = data;
  }
}

async function invokeHttp(channel: string, input: unknown): Promise<Result<unknown>> {
  const res = await fetch('/api/invoke', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ channel, input }),
  });
  if (res.status === 401) return { ok: false, error: { code: 'unauthenticated', message: 'errors.unauthenticated' } };
  try {
    return (await res.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', message: 'errors.internal' } };
  }
}

let unauthenticated = () => {};

/** What to do whenever any channel answers 'unauthenticated' (the sign-in gate sets it once). */
export function onUnauthenticated(listener: () => void): void {
  unauthenticated = listener;
}

export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  let result: Result<unknown>;
  try {
    result = window.kehu ? await window.kehu.invoke(channel, input) : await invokeHttp(channel, input);
  } catch {
    result = { ok: false, error: { code: 'internal', message: 'errors.offline' } };
  }
  if (!result.ok) {
    if (result.error.code === 'unauthenticated') unauthenticated();
    throw new ApiError(result.error);
  }
  return result.data as Output<C>;
}
