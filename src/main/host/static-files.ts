// Maps a URL path to a file of the built renderer, shared by the HTTP host and the Electron
// app:// protocol. Anything that would leave the root is refused; unknown routes without a file
// extension fall back to index.html (the renderer routes on the client).
import { statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';

export type StaticTarget =
  | { kind: 'file'; file: string; spaFallback: boolean }
  | { kind: 'forbidden' }
  | { kind: 'not_found' };

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** `pathname` is the raw (still percent-encoded) path of the request URL. */
export function resolveStatic(root: string, pathname: string): StaticTarget {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'forbidden' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'forbidden' };
  const base = resolve(root);
  const file = resolve(base, '.' + (decoded.startsWith('/') ? decoded : '/' + decoded));
  if (file !== base && !file.startsWith(base + sep)) return { kind: 'forbidden' };
  // Dot files (e.g. .env next to a build) are never served.
  if (file.slice(base.length).split(sep).some((part) => part.startsWith('.'))) return { kind: 'forbidden' };
  if (file !== base && isFile(file)) return { kind: 'file', file, spaFallback: false };
  if (extname(decoded) === '') {
    const index = resolve(base, 'index.html');
    if (isFile(index)) return { kind: 'file', file: index, spaFallback: file !== index };
  }
  return { kind: 'not_found' };
}
