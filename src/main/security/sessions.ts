// Signed-in sessions of this process: a random 256-bit token → who and when last seen. Only the
// token leaves the main process (an HttpOnly cookie, or kept per window); who the user is, their
// role and team, is read from the database on every call.
import { randomBytes } from 'node:crypto';

interface Entry {
  userId: string;
  lastSeen: number;
}

export class Sessions {
  private readonly byToken = new Map<string, Entry>();

  create(userId: string, now: number): string {
    const token = randomBytes(32).toString('base64url');
    this.byToken.set(token, { userId, lastSeen: now });
    return token;
  }

  /** The user of a live session (and marks it seen); an idle one ends. idleMs 0: never idle. */
  touch(token: string, now: number, idleMs: number): string | null {
    const entry = this.byToken.get(token);
    if (!entry) return null;
    if (idleMs > 0 && now - entry.lastSeen > idleMs) {
      this.byToken.delete(token);
      return null;
    }
    entry.lastSeen = now;
    return entry.userId;
  }

  end(token: string): void {
    this.byToken.delete(token);
  }

  endAll(): void {
    this.byToken.clear();
  }
}
