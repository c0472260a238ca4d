import { CallHandler, ExecutionContext } from '@nestjs/common';
import { join } from 'path';
import { from, lastValueFrom } from 'rxjs';
import { useTempFolder } from '../../testing/temp-folder';
import { IdempotencyKeyReusedError } from './idempotency-errors';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { SqliteIdempotencyStore } from './sqlite-idempotency-store';

interface FakeResponse {
  statusCode: number;
  headers: Record<string, string>;
  status(code: number): void;
  setHeader(name: string, value: string): void;
}

function httpContext(key: string, body: unknown, userId = 'iro-1'): { context: ExecutionContext; response: FakeResponse } {
  const request = {
    method: 'POST',
    path: '/children',
    body,
    user: { userId, role: 'iro' },
    header: (name: string) => (name.toLowerCase() === 'idempotency-key' ? key : undefined),
  };
  const response: FakeResponse = {
    statusCode: 201,
    headers: {},
    status(code) {
      this.statusCode = code;
    },
    setHeader(name, value) {
      this.headers[name] = value;
    },
  };
  const context = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }) } as unknown as ExecutionContext;
  return { context, response };
}

/** A command handler the test finishes by hand. */
function pendingHandler() {
  let finish!: (value: unknown) => void;
  let fail!: (error: unknown) => void;
  const result = new Promise((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  let runs = 0;
  const handler: CallHandler = {
    handle: () => {
      runs += 1;
      return from(result);
    },
  };
  return { handler, finish, fail, runs: () => runs };
}

const dir = useTempFolder('iro-idem-');

describe('IdempotencyInterceptor', () => {
  let store: SqliteIdempotencyStore;
  let interceptor: IdempotencyInterceptor;
  beforeEach(() => {
    store = new SqliteIdempotencyStore({ file: join(dir(), 'idempotency.sqlite') });
    interceptor = new IdempotencyInterceptor(store);
  });
  afterEach(() => store.close());

  it('makes a duplicate that arrives while the first runs wait for it and answer the same, running the command once', async () => {
    const command = pendingHandler();
    const first = lastValueFrom(interceptor.intercept(httpContext('k', { childId: 'C1' }).context, command.handler));
    const duplicate = httpContext('k', { childId: 'C1' });
    const second = lastValueFrom(interceptor.intercept(duplicate.context, command.handler));
    command.finish({ id: 'C1', revision: 0 });
    expect(await first).toEqual({ id: 'C1', revision: 0 });
    expect(await second).toEqual({ id: 'C1', revision: 0 });
    expect(duplicate.response.headers['Idempotent-Replayed']).toBe('true');
    expect(command.runs()).toBe(1);
  });

  it('lets a waiting duplicate run the command itself when the first fails', async () => {
    const failing = pendingHandler();
    const first = lastValueFrom(interceptor.intercept(httpContext('k', { childId: 'C1' }).context, failing.handler));
    const retry = pendingHandler();
    const second = lastValueFrom(interceptor.intercept(httpContext('k', { childId: 'C1' }).context, retry.handler));
    failing.fail(new Error('refused'));
    await expect(first).rejects.toThrow('refused');
    retry.finish({ id: 'C1', revision: 0 });
    expect(await second).toEqual({ id: 'C1', revision: 0 });
    expect(retry.runs()).toBe(1);
  });

  it('refuses a different request with a key in use, without waiting for it', async () => {
    const command = pendingHandler();
    const first = lastValueFrom(interceptor.intercept(httpContext('k', { childId: 'C1' }).context, command.handler));
    const other = lastValueFrom(interceptor.intercept(httpContext('k', { childId: 'C2' }).context, pendingHandler().handler));
    await expect(other).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    command.finish({ id: 'C1' });
    await first;
  });

  it("keeps one user's keys apart from another's", async () => {
    const mine = pendingHandler();
    const theirs = pendingHandler();
    mine.finish({ by: 'iro-1' });
    theirs.finish({ by: 'iro-2' });
    expect(await lastValueFrom(interceptor.intercept(httpContext('k', { childId: 'C1' }, 'iro-1').context, mine.handler))).toEqual({ by: 'iro-1' });
    expect(await lastValueFrom(interceptor.intercept(httpContext('k', { childId: 'C1' }, 'iro-2').context, theirs.handler))).toEqual({ by: 'iro-2' });
    expect([mine.runs(), theirs.runs()]).toEqual([1, 1]);
  });

  it('passes a request without a key straight through', async () => {
    const command = pendingHandler();
    command.finish({ ok: true });
    const context = httpContext('unused', {}).context;
    const request = context.switchToHttp().getRequest();
    request.header = () => undefined;
    expect(await lastValueFrom(interceptor.intercept(context, command.handler))).toEqual({ ok: true });
    expect(await lastValueFrom(interceptor.intercept(context, command.handler))).toEqual({ ok: true });
    expect(command.runs()).toBe(2);
  });
});
