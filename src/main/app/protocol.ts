// The app:// protocol: serves the built renderer with the CSP header (DESIGN.md §5, Electron
// security checklist item 18: a custom protocol instead of file://). Paths outside the renderer
// folder are refused by the same resolver the HTTP host uses.
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { mimeTypeOf, SECURITY_HEADERS } from '../host/security';
import { resolveStatic } from '../host/static-files';
import { APP_HOST, APP_SCHEME } from './window-options';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return new Response('Forbidden', { status: 403, headers: SECURITY_HEADERS });
    }
    const target = resolveStatic(rendererDir, url.pathname);
    if (target.kind !== 'file') {
      return new Response(target.kind === 'forbidden' ? 'Forbidden' : 'Not Found', {
        status: target.kind === 'forbidden' ? 403 : 404,
        headers: SECURITY_HEADERS,
      });
    }
    const body = await readFile(target.file);
    return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': mimeTypeOf(target.file) } });
  });
}
