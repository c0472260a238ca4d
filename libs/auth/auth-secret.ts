import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AuthConfigError } from './auth-config-error';

export const AUTH_SECRET_FILE = 'auth-secret';
const MIN_SECRET_BYTES = 32;

export function authSecretPath(dataDir: string): string {
  return join(dataDir, AUTH_SECRET_FILE);
}

/**
 * The embedded default's HS256 secret: 32 random bytes, base64url, in
 * `<dataDir>/auth-secret`, created on first start readable by its owner only (0600).
 * A secret file others can read, or one too short to be safe, stops the start.
 */
export function ensureAuthSecret(dataDir: string): Uint8Array {
  const path = authSecretPath(dataDir);
  mkdirSync(dataDir, { recursive: true });
  try {
    // 'wx' fails when the file exists, so two processes starting at once keep one secret
    const fd = openSync(path, 'wx', 0o600);
    try {
      writeSync(fd, `${randomBytes(MIN_SECRET_BYTES).toString('base64url')}\n`);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readAuthSecret(dataDir);
}

/** Reads an existing secret (the CLI's `iro token` uses the server's). */
export function readAuthSecret(dataDir: string): Uint8Array {
  const path = authSecretPath(dataDir);
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch {
    throw new AuthConfigError([
      `${path} does not exist: start the API once (iro serve) to create it, or set DATA_DIR to the server's data folder`,
    ]);
  }
  const problems: string[] = [];
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    problems.push(
      `${path} can be read by other users (mode ${(mode & 0o777).toString(8)}): run chmod 600 ${path}`,
    );
  }
  const secret = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64url');
  if (secret.length < MIN_SECRET_BYTES) {
    problems.push(
      `${path} holds ${secret.length} bytes; an HS256 secret needs at least ${MIN_SECRET_BYTES} (delete the file to have a new one generated; existing tokens stop working)`,
    );
  }
  if (problems.length > 0) throw new AuthConfigError(problems);
  return new Uint8Array(secret);
}
