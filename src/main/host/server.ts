// The loopback HTTP host: the same contract as the Electron IPC, over `POST /api/invoke`, plus
// the built renderer. It is how the UI runs in a browser ("browser mode") and how e2e tests drive it.
//
// Who may talk to it:
// - it listens on 127.0.0.1 only;
// - the Host header must name it (127.0.0.1:<port> or localhost:<port>) and an Origin header, when
//   present, must be its own origin: a page on another site that re-points its DNS name to
//   127.0.0.1 (DNS rebinding), or another local web page, is refused with 403;
// - every request must carry the per-launch random token: once in the URL that `kehu serve` prints
//   (?token=...), which is swapped for an HttpOnly SameSite=Strict cookie and a redirect that strips
//   it from the address bar, or as `Authorization: Bearer <token>` for scripts. Otherwise 401.
//   The token proves "the local user who started this host"; it is not a sign-in.
// - who is signed in travels in a second HttpOnly SameSite=Strict cookie, kehu_session_<port>,
//   set when auth.setup/login/verifyTotp signs in and cleared by auth.logout (the session token
//   is never in a JSON body). Every channel but the public ones needs a live session (single-user
//   mode: the owner stands in); without one the answer is 401 'unauthenticated'.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Dispatch } from '../core/dispatch';
import type { TokenCaller } from '../security/gate';
import type { KehuErrorData, Result } from '../../shared/errors';
import { mimeTypeOf, SECURITY_HEADERS } from './security';
import { resolveStatic } from './static-files';

export const DEFAULT_PORT = 5170;
/** Largest accepted `/api/invoke` body. Imports of big files go through the CLI or Electron. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface HostOptions {
  dispatch: Dispatch;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Defaults to a fresh random token; tests may pass their own. */
  token?: string;
  maxBodyBytes?: number;
}

export interface Host {
  server: Server;
  port: number;
  token: string;
  /** http://127.0.0.1:<port>/ */
  origin: string;
  /** The address to open: origin + ?token=... */
  url: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

function sameSecret(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function errorBody(code: KehuErrorData['code'], params?: Record<string, string | number>): Result<never> {
  return { ok: false, error: { code, message: `errors.${code}`, ...(params ? { params } : {}) } };
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startHost(options: HostOptions): Promise<Host> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  let port = 0;
  // Cookies are not scoped by port, so the name carries it: two hosts never read each other's.
  const cookieName = () => `kehu_token_${port}`;
  const allowedHosts = () => new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://${LOOPBACK}:${port}`, `http://localhost:${port}`]);

  const sessionCookieName = () => `kehu_session_${port}`;

  /** The request's session cookie; a sign-in or sign-out sets `changed` so the reply updates it. */
  function sessionCaller(req: IncomingMessage): TokenCaller & { changed: boolean } {
    const caller = {
      token: cookieValue(req.headers.cookie, sessionCookieName()) ?? null,
      changed: false,
      setToken(next: string | null) {
        caller.token = next;
        caller.changed = true;
      },
    };
    return caller;
  }

  function sessionCookie(value: string | null): string {
    const base = `${sessionCookieName()}=${value ?? ''}; HttpOnly; SameSite=Strict; Path=/`;
    return value === null ? `${base}; Max-Age=0` : base;
  }

  function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string> = {}): void {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...headers });
    res.end(body);
  }

  function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
    send(res, status, JSON.stringify(value), {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      ...headers,
    });
  }

  async function handleInvoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      sendJson(res, 405, errorBody('invalid_input', { reason: 'method_not_allowed' }));
      return;
    }
    let raw: Buffer;
    try {
      raw = await readBody(req, maxBody);
    } catch (e) {
      if (e instanceof BodyTooLarge) {
        res.setHeader('Connection', 'close');
        sendJson(res, 413, errorBody('invalid_input', { reason: 'body_too_large', limit: maxBody }));
      } else {
        sendJson(res, 400, errorBody('invalid_input', { reason: 'unreadable_body' }));
      }
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      sendJson(res, 400, errorBody('invalid_input', { reason: 'malformed_json' }));
      return;
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body) || typeof (body as { channel?: unknown }).channel !== 'string') {
      sendJson(res, 400, errorBody('invalid_input', { reason: 'expected_channel_and_input' }));
      return;
    }
    const { channel, input } = body as { channel: string; input?: unknown };
    const caller = sessionCaller(req);
    const result = await options.dispatch(channel, input ?? {}, caller);
    const status = !result.ok && result.error.code === 'unauthenticated' ? 401 : 200;
    sendJson(res, status, result, caller.changed ? { 'Set-Cookie': sessionCookie(caller.token) } : {});
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
      return;
    }
    const target = resolveStatic(options.rendererDir, pathname);
    if (target.kind === 'forbidden') return send(res, 403, 'Forbidden');
    if (target.kind === 'not_found') {
      if (!existsSync(join(options.rendererDir, 'index.html'))) {
        return send(res, 503, 'The renderer is not built yet: run `npm run build` (npm run serve does it for you).');
      }
      return send(res, 404, 'Not Found');
    }
    const hashedAsset = !target.spaFallback && pathname.startsWith('/assets/');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': mimeTypeOf(target.file),
      'Cache-Control': hashedAsset ? 'private, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(target.file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // 1. DNS rebinding and cross-site requests.
    if (!allowedHosts().has(String(req.headers.host ?? '').toLowerCase())) return send(res, 403, 'Forbidden: unexpected Host');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin.toLowerCase())) return send(res, 403, 'Forbidden: foreign Origin');
    if (req.headers['sec-fetch-site'] === 'cross-site') return send(res, 403, 'Forbidden: cross-site request');

    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${LOOPBACK}:${port}`);
    } catch {
      return send(res, 400, 'Bad Request');
    }

    // 2. The token: from the URL once (→ cookie + redirect), then from the cookie.
    const fromQuery = url.searchParams.get('token');
    if (fromQuery !== null) {
      if (!sameSecret(fromQuery, token) || (req.method !== 'GET' && req.method !== 'HEAD')) {
        return send(res, 401, 'Unauthorized: wrong token');
      }
      url.searchParams.delete('token');
      res.writeHead(302, {
        ...SECURITY_HEADERS,
        'Set-Cookie': `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname + url.search,
        'Cache-Control': 'no-store',
      });
      res.end();
      return;
    }
    const auth = req.headers.authorization;
    const bearer = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
    if (!sameSecret(cookieValue(req.headers.cookie, cookieName()), token) && !sameSecret(bearer, token)) {
      if (url.pathname.startsWith('/api/')) return sendJson(res, 401, errorBody('unauthenticated'));
      return send(res, 401, 'Unauthorized: open the address that `kehu serve` printed (it carries the access token).');
    }

    // 3. The contract, or the renderer.
    if (url.pathname === '/api/invoke') return handleInvoke(req, res);
    if (url.pathname.startsWith('/api/')) return sendJson(res, 404, errorBody('not_found', { path: url.pathname.slice(0, 80) }));
    return handleStatic(req, res, url.pathname);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, errorBody('internal'));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${LOOPBACK}:${port}/`;
  return {
    server,
    port,
    token,
    origin,
    url: `${origin}?token=${encodeURIComponent(token)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
