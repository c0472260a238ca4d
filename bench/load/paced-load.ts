import autocannon, { Instance, Request, Result } from 'autocannon';

/**
 * A steady load of `rate` requests a second, spread evenly over each second.
 *
 * autocannon paces by the second: with `overallRate` every connection sends its share of
 * the second's requests as soon as the second starts, then waits for the next one, so
 * "300 req/s" arrives as one burst of 300 at the top of each second and the latencies
 * measure the queue behind that burst. Here `rate` connections each send one request a
 * second (`connectionRate: 1`), in groups whose seconds start 1/groups s apart, so
 * requests arrive every few milliseconds as they would from many users. A connection
 * sends its next request only after the last is answered, so as long as an answer takes
 * under a second no request is held back by a slow one (no coordinated omission).
 *
 * Latency is each request's time from being written to its response being read, as
 * autocannon measures it; the percentiles are taken over every response, exactly.
 */
export interface PacedLoad {
  url: string;
  rate: number;
  durationSeconds: number;
  /** groups of connections started 1/groups s apart (default: up to 100) */
  groups?: number;
  nextRequest(): Request;
}

export interface PacedResult {
  durationSeconds: number;
  requests: number;
  throughput: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  connectionErrors: number;
  timeouts: number;
  non2xx: number;
  statusCounts: Map<number, number>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function drivePacedLoad(load: PacedLoad): Promise<PacedResult> {
  const groups = Math.max(1, Math.min(load.groups ?? 100, load.rate));
  const latencies: number[] = [];
  const statusCounts = new Map<number, number>();
  const runs: Promise<Result>[] = [];
  const started = process.hrtime.bigint();
  for (let group = 0; group < groups; group += 1) {
    const connections = Math.floor(load.rate / groups) + (group < load.rate % groups ? 1 : 0);
    // typed as a Promise when no callback is given; at run time it is the instance, and thenable
    const instance = autocannon({
      url: load.url,
      connections,
      connectionRate: 1,
      duration: load.durationSeconds,
      ignoreCoordinatedOmission: true,
      requests: [{ setupRequest: () => load.nextRequest() }],
    }) as unknown as Instance & Promise<Result>;
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      statusCounts.set(statusCode, (statusCounts.get(statusCode) ?? 0) + 1);
    });
    runs.push(instance);
    await sleep(1000 / groups);
  }
  const results = await Promise.all(runs);
  const elapsedSeconds = Number(process.hrtime.bigint() - started) / 1e9;

  latencies.sort((a, b) => a - b);
  const at = (q: number) => (latencies.length === 0 ? NaN : latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))]);
  const sum = (pick: (result: Result) => number) => results.reduce((total, result) => total + pick(result), 0);
  const non2xx = [...statusCounts].filter(([status]) => status < 200 || status >= 300).reduce((total, [, count]) => total + count, 0);
  return {
    durationSeconds: elapsedSeconds,
    requests: latencies.length,
    // each group runs `durationSeconds`; the staggered starts add up to one second before the last begins
    throughput: latencies.length / load.durationSeconds,
    latencyMs: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) },
    connectionErrors: sum((result) => result.errors),
    timeouts: sum((result) => result.timeouts),
    non2xx,
    statusCounts,
  };
}
