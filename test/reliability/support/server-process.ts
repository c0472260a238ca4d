import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const REGISTER = join(__dirname, 'register-typescript.js');
const CLI = join(ROOT, 'apps', 'cli', 'main.ts');

export interface CliProcess {
  child: ChildProcess;
  /** stdout and stderr so far, for failure messages */
  output(): string;
  /** resolves with the exit code (null when killed by a signal) */
  exited: Promise<number | null>;
}

/** Runs `iro <args>` from the TypeScript sources in a child process. */
export function runIro(args: string[], env: NodeJS.ProcessEnv): CliProcess {
  const child = spawn(process.execPath, ['-r', REGISTER, CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ServerProcess extends CliProcess {
  url: string;
  /** SIGKILL: no shutdown hook runs, as when the machine or the process dies */
  kill(): Promise<void>;
  /** SIGTERM and wait: a clean stop */
  stop(): Promise<void>;
}

/** `iro serve` in a child process on `port` (default a free one); resolves once /health answers. */
export async function startServerProcess(dataDir: string, env: NodeJS.ProcessEnv = {}, port?: number): Promise<ServerProcess> {
  port ??= await freePort();
  const process_ = runIro(['serve'], { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: 'off', ...env });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  let stopped = false;
  void process_.exited.then(() => (stopped = true));
  for (;;) {
    if (stopped) throw new Error(`iro serve exited before answering:\n${process_.output()}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      process_.child.kill('SIGKILL');
      throw new Error(`iro serve did not answer /health within 60 s:\n${process_.output()}`);
    }
    await sleep(100);
  }
  return {
    ...process_,
    url,
    kill: async () => {
      process_.child.kill('SIGKILL');
      await process_.exited;
    },
    stop: async () => {
      process_.child.kill('SIGTERM');
      await process_.exited;
    },
  };
}
