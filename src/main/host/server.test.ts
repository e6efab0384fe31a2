// The HTTP host against a real runtime over a temp folder and a small fake renderer build.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../core/runtime';
import { tempFolder, type Folder } from '../security/test-kit';
import { tempRuntime, type TempRuntime } from '../test/temp-runtime';
import { contract } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY } from './security';
import { startHost, type Host } from './server';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP (fetch would not let us set Host or send `..` unnormalised). */
function request(
  host: Host,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${host.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

let rt: TempRuntime;
let host: Host;
let rendererDir: string;
let cookie: string;

const TOKEN = 'test-token-0123456789abcdef';

beforeAll(async () => {
  rt = await tempRuntime();
  rendererDir = mkdtempSync(join(tmpdir(), 'kehu-renderer-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("kehu")');
  writeFileSync(join(rendererDir, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(rendererDir, '.env'), 'SECRET=1');
  // A secret next to the renderer folder: traversal must never reach it.
  writeFileSync(join(rendererDir, '..', 'kehu-host-secret.txt'), 'TOP SECRET');
  host = await startHost({ dispatch: rt.dispatch, rendererDir, port: 0, token: TOKEN });
  cookie = `kehu_token_${host.port}=${TOKEN}`;
});

afterAll(async () => {
  await host?.close();
  await rt?.dispose();
  rmSync(rendererDir, { recursive: true, force: true });
  rmSync(join(rendererDir, '..', 'kehu-host-secret.txt'), { force: true });
});

const invoke = (channel: unknown, input: unknown = {}, headers: Record<string, string> = {}) =>
  request(host, '/api/invoke', {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ channel, input }),
  });

describe('HTTP host', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token', () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`);
  });

  it('makes a fresh random token per launch', async () => {
    const other = await startHost({ dispatch: rt.dispatch, rendererDir, port: 0 });
    try {
      expect(other.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(other.token).not.toBe(TOKEN);
    } finally {
      await other.close();
    }
  });

  it('answers 401 without the token, to static files and the API alike', async () => {
    const page = await request(host, '/');
    expect(page.status).toBe(401);
    expect(page.body).not.toContain('id="root"');
    const asset = await request(host, '/assets/app.js');
    expect(asset.status).toBe(401);
    const api = await request(host, '/api/invoke', { method: 'POST', body: JSON.stringify({ channel: 'tags.list', input: {} }) });
    expect(api.status).toBe(401);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const wrongCookie = await request(host, '/', { headers: { cookie: `kehu_token_${host.port}=nope` } });
    expect(wrongCookie.status).toBe(401);
    const wrongToken = await request(host, '/?token=nope');
    expect(wrongToken.status).toBe(401);
    expect(wrongToken.headers['set-cookie']).toBeUndefined();
  });

  it('trades the token for an HttpOnly SameSite=Strict cookie and strips it with a redirect', async () => {
    const first = await request(host, `/contacts?view=all&token=${TOKEN}`);
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe('/contacts?view=all');
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toContain(`kehu_token_${host.port}=${TOKEN}`);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    const next = await request(host, '/contacts?view=all', { headers: { cookie: setCookie.split(';')[0] } });
    expect(next.status).toBe(200);
    expect(next.body).toContain('id="root"');
  });

  it('accepts the token as a Bearer header (scripts)', async () => {
    const res = await request(host, '/api/invoke', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ channel: 'tags.list', input: {} }),
    });
    expect(res.status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding) with 403', async () => {
    for (const h of ['evil.example:' + host.port, `127.0.0.1:${host.port + 1}`, 'evil.example']) {
      const res = await request(host, `/?token=${TOKEN}`, { headers: { host: h, cookie } });
      expect(res.status, h).toBe(403);
    }
    const viaLocalhost = await request(host, '/', { headers: { host: `localhost:${host.port}`, cookie } });
    expect(viaLocalhost.status).toBe(200);
  });

  it('refuses a foreign Origin with 403, accepts its own', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${host.port + 1}`, 'null', `https://127.0.0.1:${host.port}`]) {
      const res = await invoke('tags.list', {}, { origin });
      expect(res.status, origin).toBe(403);
    }
    const own = await invoke('tags.list', {}, { origin: `http://127.0.0.1:${host.port}` });
    expect(own.status).toBe(200);
    const crossSite = await invoke('tags.list', {}, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
  });

  it('runs the contract over POST /api/invoke (tags.save then tags.list)', async () => {
    const saved = await invoke('tags.save', { name: '重要', color: '#f5222d' });
    expect(saved.status).toBe(200);
    expect(saved.headers['cache-control']).toBe('no-store');
    expect(saved.headers['content-type']).toMatch(/^application\/json/);
    const tag = JSON.parse(saved.body);
    expect(tag).toMatchObject({ ok: true, data: { name: '重要' } });
    const listed = JSON.parse((await invoke('tags.list')).body);
    expect(listed.ok).toBe(true);
    expect(listed.data.map((t: { name: string }) => t.name)).toContain('重要');
  });

  it('returns typed errors: bad input, unknown channel', async () => {
    const bad = JSON.parse((await invoke('tags.save', { name: '', color: '#f5222d' })).body);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknown = JSON.parse((await invoke('nope.nothing')).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('answers malformed bodies with a typed 400, oversize bodies with 413', async () => {
    const malformed = await request(host, '/api/invoke', { method: 'POST', headers: { cookie }, body: '{"channel": "tags.list", ' });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', params: { reason: 'malformed_json' } } });
    const noChannel = await request(host, '/api/invoke', { method: 'POST', headers: { cookie }, body: '[1,2]' });
    expect(noChannel.status).toBe(400);
    expect(JSON.parse(noChannel.body).error.code).toBe('invalid_input');
    const get = await request(host, '/api/invoke', { headers: { cookie } });
    expect(get.status).toBe(405);

    const small = await startHost({ dispatch: rt.dispatch, rendererDir, port: 0, token: TOKEN, maxBodyBytes: 1024 });
    try {
      const big = await request(small, '/api/invoke', {
        method: 'POST',
        headers: { cookie: `kehu_token_${small.port}=${TOKEN}` },
        body: JSON.stringify({ channel: 'tags.list', input: { pad: 'x'.repeat(5000) } }),
      });
      expect(big.status).toBe(413);
    } finally {
      await small.close();
    }
  });

  it('serves static files with their types and security headers, SPA fallback to index.html', async () => {
    const js = await request(host, '/assets/app.js', { headers: { cookie } });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['x-content-type-options']).toBe('nosniff');
    const css = await request(host, '/assets/app.css', { headers: { cookie } });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const deep = await request(host, '/companies/01ABC/edit', { headers: { cookie } });
    expect(deep.status).toBe(200);
    expect(deep.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(deep.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(deep.body).toContain('id="root"');
    const missingAsset = await request(host, '/assets/missing.js', { headers: { cookie } });
    expect(missingAsset.status).toBe(404);
    const unknownApi = await request(host, '/api/other', { method: 'POST', headers: { cookie } });
    expect(unknownApi.status).toBe(404);
  });

  it('refuses path traversal and dot files', async () => {
    for (const path of [
      '/../kehu-host-secret.txt',
      '/..%2fkehu-host-secret.txt',
      '/%2e%2e/kehu-host-secret.txt',
      '/assets/..%2f..%2fkehu-host-secret.txt',
      '/..%5ckehu-host-secret.txt',
      '/%00index.html',
      '/.env',
      '/%2eenv',
    ]) {
      const res = await request(host, path, { headers: { cookie } });
      expect(res.body, path).not.toContain('TOP SECRET');
      expect(res.body, path).not.toContain('SECRET=1');
      expect([403, 404, 200], path).toContain(res.status);
      if (res.status === 200) expect(res.body, path).toContain('id="root"');
    }
    const encoded = await request(host, '/..%2fkehu-host-secret.txt', { headers: { cookie } });
    expect(encoded.status).toBe(403);
  });
});

describe('HTTP host sessions (password mode)', () => {
  let folder: Folder;
  let secured: Host;
  let runtime: Runtime;
  const tokenCookie = () => `kehu_token_${secured.port}=${TOKEN}`;
  const call = (channel: string, input: unknown, session?: string) =>
    request(secured, '/api/invoke', {
      method: 'POST',
      headers: { cookie: [tokenCookie(), ...(session ? [session] : [])].join('; '), 'content-type': 'application/json' },
      body: JSON.stringify({ channel, input }),
    });
  /** "kehu_session_<port>=<value>" from a Set-Cookie header, with its attributes checked. */
  const sessionFrom = (reply: Reply) => {
    const header = String(reply.headers['set-cookie'] ?? '');
    expect(header).toMatch(new RegExp(`^kehu_session_${secured.port}=[^;]*; HttpOnly; SameSite=Strict; Path=/`));
    return header.split(';')[0];
  };

  beforeAll(async () => {
    folder = tempFolder();
    runtime = await folder.open();
    secured = await startHost({ dispatch: runtime.dispatch, rendererDir, port: 0, token: TOKEN });
  });
  afterAll(async () => {
    await secured?.close();
    await runtime?.close();
    folder?.dispose();
  });

  it('sets an HttpOnly session cookie at sign-in, needs it for every channel but the public ones, clears it at sign-out', async () => {
    const setup = await call('auth.setup', { mode: 'password', name: '管理员', login: 'admin', password: 'correct horse' });
    expect(setup.status).toBe(200);
    const session = sessionFrom(setup);
    expect(setup.body).not.toContain(session.split('=')[1]);
    expect(JSON.parse(setup.body)).toMatchObject({ ok: true, data: { status: 'signed_in', session: { userId: 'owner' } } });

    for (const channel of Object.keys(contract) as (keyof typeof contract)[]) {
      const reply = await call(channel, {});
      if (contract[channel].public) {
        expect(reply.status, channel).toBe(200);
      } else {
        expect(reply.status, channel).toBe(401);
        expect(JSON.parse(reply.body), channel).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      }
    }
    expect(JSON.parse((await call('auth.status', {})).body)).toMatchObject({ ok: true, data: { state: 'signed_out', mode: 'password' } });
    expect(JSON.parse((await call('auth.status', {}, session)).body)).toMatchObject({ ok: true, data: { state: 'signed_in' } });
    expect((await call('tags.list', {}, session)).status).toBe(200);
    expect((await call('tags.list', {}, `kehu_session_${secured.port}=forged`)).status).toBe(401);

    const logout = await call('auth.logout', {}, session);
    expect(logout.status).toBe(200);
    expect(String(logout.headers['set-cookie'])).toContain('Max-Age=0');
    expect((await call('tags.list', {}, session)).status).toBe(401);

    const login = await call('auth.login', { login: 'admin', password: 'correct horse' });
    const again = sessionFrom(login);
    expect(again).not.toBe(session);
    expect(login.body).not.toContain(again.split('=')[1]);
    expect(JSON.parse((await call('tags.list', {}, again)).body)).toMatchObject({ ok: true });
  });
});
