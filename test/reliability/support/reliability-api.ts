import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApiApp } from '../../../apps/api/create-api-app';
import { TokenRole } from '../../../libs/auth/token-roles';
import { EVENT_STORE, EventStore } from '../../../libs/event-store/event-store.port';
import { DEFAULT_HTTP_HARDENING } from '../../../libs/nest/actor/http-hardening-settings';
import { fixedClock } from '../../../src/clock/clock';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../../../src/config/local-authority-config';
import { authHeader, testAuth } from '../../support/auth';

/** "Today" in the reliability suites: Tuesday 31 March 2020, the last day of 2019/20. */
export const RELIABILITY_TODAY = '2020-03-31';

export interface ReliabilityApi {
  app: INestApplication;
  /** http://127.0.0.1:<port>: the app listens, so requests run truly concurrently */
  url: string;
  store: EventStore;
  eventCount(): Promise<number>;
  /** supertest against the listening app, as this user */
  as(role: TokenRole, sub?: string): {
    get(path: string): request.Test;
    post(path: string, body?: object): request.Test;
  };
  destroy(): Promise<void>;
}

/** The real API on embedded SQLite in a temp folder, test tokens, no rate limit, no logs. */
export async function startReliabilityApi(): Promise<ReliabilityApi> {
  const dataDir = mkdtempSync(join(tmpdir(), 'iro-reliability-'));
  const app = await createApiApp({
    dataDir,
    config: DEFAULT_LOCAL_AUTHORITY_CONFIG,
    clock: fixedClock(`${RELIABILITY_TODAY}T11:00:00Z`),
    auth: testAuth(),
    http: { ...DEFAULT_HTTP_HARDENING, rateLimitPerMinute: null, logLevel: 'silent' },
  });
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const store = app.get<EventStore>(EVENT_STORE);
  return {
    app,
    url,
    store,
    eventCount: () => store.headPosition(),
    as: (role, sub) => ({
      get: (path) => request(url).get(path).set(authHeader(role, sub)),
      post: (path, body = {}) => request(url).post(path).set(authHeader(role, sub)).send(body),
    }),
    destroy: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Sends a set-up step and fails loudly unless it is recorded (201). */
export async function recorded(response: request.Test | Promise<request.Response>): Promise<Record<string, any>> {
  const settled = await response;
  if (settled.status !== 201) throw new Error(`set-up step refused: ${settled.status} ${JSON.stringify(settled.body)}`);
  return settled.body;
}
