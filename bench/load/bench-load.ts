import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAuthSecret } from '../../libs/auth/auth-secret';
import { mintToken } from '../../libs/auth/token-minter';
import { packageRoot } from '../../libs/nest/config/package-root';
import { calendarDateInLondon } from '../../src/calendar/calendar-date';
import { drivePacedLoad, PacedResult } from './paced-load';
import { childIdOf, COMMAND_SHARE, DEFAULT_LIST_SHARE, iroOf, LoadMix, LoadPopulation, seededChallengeIdOf } from './load-mix';

/**
 * npm run bench:load [-- --duration 60 --rate 300 --children 2000 --list-share 10]
 *
 * Starts the API (`iro serve`, built, on the embedded SQLite store in a temp DATA_DIR)
 * in a child process, mints tokens with its secret, seeds children in care with their
 * IROs and some challenges over HTTP, then drives the mixed load of load-mix.ts with
 * autocannon over 127.0.0.1 at `--rate` requests per second, spread evenly over each
 * second (paced-load.ts), for `--duration` seconds, and prints throughput, p50/p99
 * latency and errors.
 * The server runs as deployed: JSON request logs (to /dev/null), the per-user rate
 * limit (users are spread so none exceeds it at the target rate), the access audit.
 * BENCH_LOAD_NODE_ARGS passes options to the server's node (e.g. --cpu-prof).
 */

interface Options {
  duration: number;
  rate: number;
  children: number;
  warmup: number;
  /** percent of requests that are list queries (clinic candidates, open challenges); the rest of the reads are by id */
  'list-share': number;
}

const TARGET = { rate: 300, p99Ms: 25 };

function parseOptions(args: string[]): Options {
  const options: Options = { duration: 60, rate: TARGET.rate, children: 2000, warmup: 5, 'list-share': DEFAULT_LIST_SHARE };
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i].replace(/^--/, '') as keyof Options;
    const value = Number(args[i + 1]);
    if (!(name in options) || !Number.isFinite(value) || value < 0 || (name === 'rate' && value < 1)) {
      throw new Error(`usage: bench-load [--duration s] [--rate req/s, >= 1] [--children n] [--warmup s] [--list-share %]; bad ${args[i]} ${args[i + 1]}`);
    }
    options[name] = value;
  }
  return options;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startApi(dataDir: string, port: number): Promise<ChildProcess> {
  // e.g. BENCH_LOAD_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server under the load
  const nodeArgs = (process.env.BENCH_LOAD_NODE_ARGS ?? '').split(' ').filter((arg) => arg.length > 0);
  const server = spawn(process.execPath, [...nodeArgs, join(packageRoot(), 'bin', 'iro.js'), 'serve'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`iro serve exited with ${server.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return server;
    } catch {
      // not yet listening
    }
    await sleep(100);
  }
  server.kill('SIGKILL');
  throw new Error('iro serve did not answer /health within 60 s');
}

/** Sends the set-up requests, a few at a time, and stops at the first refusal. */
async function seed(base: string, requests: { path: string; body: object; authorization: string }[], parallel = 8): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const { path, body, authorization } = requests[next++];
      const response = await fetch(`${base}${path}`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (response.status !== 201) throw new Error(`seeding ${path}: ${response.status} ${await response.text()}`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const dataDir = mkdtempSync(join(tmpdir(), 'iro-bench-load-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  console.log(`bench:load — ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; data in ${dataDir}`);
  const server = await startApi(dataDir, port);
  try {
    const secret = readAuthSecret(dataDir);
    const tokens = new Map<string, string>();
    const authorization = (userId: string, role: string): string => tokens.get(userId)!;
    const population: LoadPopulation = {
      children: options.children,
      iros: 40,
      admins: 10,
      managers: 10,
      seededChallenges: Math.min(options.children, Math.ceil(options.rate * options.duration * 0.1) + 200),
      today: calendarDateInLondon(new Date()),
      authorization,
    };
    const users: [string, string][] = [
      ...Array.from({ length: population.iros }, (_, i): [string, string] => [`iro-${i}`, 'iro']),
      ...Array.from({ length: population.admins }, (_, i): [string, string] => [`admin-${i}`, 'admin']),
      ...Array.from({ length: population.managers }, (_, i): [string, string] => [`manager-${i}`, 'manager']),
    ];
    for (const [userId, role] of users) tokens.set(userId, `Bearer ${await mintToken(secret, { role, sub: userId, ttlSeconds: 3600 })}`);

    const seedStarted = Date.now();
    const admin = (i: number) => tokens.get(`admin-${i % population.admins}`)!;
    const children = Array.from({ length: population.children }, (_, i) => i);
    await seed(base, children.map((i) => ({ path: '/children', body: { childId: childIdOf(i), dateOfBirth: '2010-05-01', sex: i % 2 ? 'male' : 'female' }, authorization: admin(i) })));
    await seed(base, children.map((i) => ({
      path: `/children/${childIdOf(i)}/care-periods`,
      body: { startDate: '2019-04-01', legalStatus: 'C2', placementType: 'U4', placedOutsideLocalAuthority: false }, authorization: admin(i),
    })));
    await seed(base, children.map((i) => ({ path: `/children/${childIdOf(i)}/iro-allocations`, body: { iroId: iroOf(i, population.iros), effectiveDate: '2019-04-01' }, authorization: admin(i) })));
    await seed(base, Array.from({ length: population.seededChallenges }, (_, i) => ({
      path: '/challenges',
      body: { challengeId: seededChallengeIdOf(i), childIds: [childIdOf(i)], raisedOn: population.today, raisedBy: iroOf(i, population.iros), category: 'permanence', summary: 'No permanence plan.' },
      authorization: admin(i),
    })));
    console.log(`seeded ${population.children} children in care with ${population.iros} IROs and ${population.seededChallenges} challenges in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);

    const mix = new LoadMix(population, options['list-share']);
    const drive = (durationSeconds: number): Promise<PacedResult> =>
      drivePacedLoad({ url: base, rate: options.rate, durationSeconds, nextRequest: () => mix.request() });
    if (options.warmup > 0) await drive(options.warmup);
    mix.sent.clear();
    const cpuBefore = cpuSecondsOf(server.pid!);
    const clientCpuBefore = process.cpuUsage();
    const result = await drive(options.duration);
    const serverCpuSeconds = cpuSecondsOf(server.pid!) - cpuBefore;
    const clientCpu = process.cpuUsage(clientCpuBefore);
    report(result, options, mix);
    console.log(`server CPU   ${serverCpuSeconds.toFixed(1)} s over the run, ${((serverCpuSeconds * 1000) / result.requests).toFixed(2)} ms a request (all threads)`);
    console.log(`client CPU   ${((clientCpu.user + clientCpu.system) / 1e6).toFixed(1)} s over the run (autocannon, on the same 2 cores)`);
    await probe(base, mix);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** user + system CPU time of a process so far, from /proc (Linux), in seconds */
function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    // after "pid (comm) ": state is field 3, utime 14 and stime 15 (1-based), in clock ticks of 1/100 s
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

function report(result: PacedResult, options: Options, mix: LoadMix): void {
  const errors = result.connectionErrors + result.timeouts + result.non2xx;
  const statuses = [...result.statusCounts].map(([code, count]) => `${code}: ${count}`).join(', ');
  const { p50, p90, p99, max } = result.latencyMs;
  console.log(`\nmix (${COMMAND_SHARE}% commands, ${100 - COMMAND_SHARE}% reads of which ${options['list-share']}% list queries), requests sent:`);
  for (const [name, count] of mix.sent) console.log(`  ${name.padEnd(36)} ${count}`);
  console.log(`\noffered ${options.rate} req/s, spread evenly over each second (${options.rate} connections, one request a second each), for ${options.duration} s`);
  console.log(`throughput   ${result.throughput.toFixed(1)} req/s (${result.requests} requests)`);
  console.log(`latency      p50 ${p50.toFixed(1)} ms   p90 ${p90.toFixed(1)} ms   p99 ${p99.toFixed(1)} ms   max ${max.toFixed(1)} ms`);
  console.log(`errors       ${errors} (connection errors ${result.connectionErrors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx})   statuses ${statuses}`);
  const met = result.throughput >= TARGET.rate * 0.98 && p99 < TARGET.p99Ms && errors === 0;
  console.log(`target       ${TARGET.rate} req/s, p99 < ${TARGET.p99Ms} ms, 0 errors: ${met ? 'met' : 'NOT met'}`);
  console.log(`load average after ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

/**
 * Each operation alone, one request at a time, after the load: where the time goes when
 * nothing else competes (the projector still runs behind the commands).
 */
async function probe(base: string, mix: LoadMix, perOperation = 40): Promise<void> {
  console.log(`\nlatency by operation, ${perOperation} requests each, one at a time:`);
  for (const name of LoadMix.operations()) {
    const times: number[] = [];
    let failed = 0;
    for (let i = 0; i < perOperation; i += 1) {
      const request = mix.requestOf(name);
      const started = process.hrtime.bigint();
      const response = await fetch(`${base}${request.path}`, { method: request.method, headers: request.headers as Record<string, string>, body: request.body as string | undefined });
      await response.arrayBuffer();
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (response.status >= 300) failed += 1;
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(times.length * q))].toFixed(1);
    console.log(`  ${name.padEnd(36)} p50 ${at(0.5).padStart(6)} ms   max ${at(1).padStart(6)} ms${failed ? `   ${failed} not 2xx` : ''}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
