// The command line on a password-protected data folder: a command acts as the user it signs in
// as (--login NAME, the password from KEHU_PASSWORD or typed without echo on a terminal, the
// second-factor code from --code, KEHU_TOTP_CODE or typed).
import type { Runtime } from '../core/runtime';
import { KehuError } from '../../shared/errors';

/** A sign-in problem, said in plain words (exit code 1). */
export class SignInError extends Error {}

export interface SignInOptions {
  login?: string;
  code?: string;
  env: NodeJS.ProcessEnv;
  stderr: NodeJS.WritableStream;
}

/** Reads a line from the terminal without echoing it; refuses when stdin is not a terminal. */
function askHidden(question: string, stderr: NodeJS.WritableStream, envName: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) throw new SignInError(`No terminal to ask on: set ${envName}.`);
  stderr.write(question);
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (result: () => void) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stderr.write('\n');
      result();
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done(() => resolve(typed));
        if (ch === '\u0003') return done(() => reject(new SignInError('Cancelled.')));
        typed = ch === '\u007f' ? typed.slice(0, -1) : typed + ch;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

function explain(e: unknown): never {
  if (e instanceof KehuError && e.code === 'auth_failed') throw new SignInError('Wrong sign-in name, password or code.');
  if (e instanceof KehuError && e.code === 'locked_out') throw new SignInError(`Too many failed sign-ins: try again after ${String(e.params?.until ?? '')}.`);
  if (e instanceof KehuError && e.code === 'invalid_input') throw new SignInError('The sign-in name, password or code is empty or too long.');
  throw e;
}

/** Signs the runtime's own caller in when the folder needs it; a no-op for a single-user folder. */
export async function signInIfNeeded(rt: Runtime, options: SignInOptions): Promise<void> {
  if (rt.gate.mode() !== 'password') return;
  if (!options.login) {
    throw new SignInError('This data folder is protected by passwords: add --login NAME (the password is read from KEHU_PASSWORD, or asked for).');
  }
  const password = options.env.KEHU_PASSWORD ?? (await askHidden('Password: ', options.stderr, 'KEHU_PASSWORD'));
  try {
    const result = await rt.call('auth.login', { login: options.login, password });
    if (result.status === 'signed_in') return;
    const code = options.code ?? options.env.KEHU_TOTP_CODE ?? (await askHidden('Code from the authenticator app (or a recovery code): ', options.stderr, 'KEHU_TOTP_CODE'));
    await rt.call('auth.verifyTotp', { ticket: result.ticket, code });
  } catch (e) {
    explain(e);
  }
}
