import { ArgumentsHost, Logger } from '@nestjs/common';
import { ApiExceptionFilter } from './api-exception.filter';

function hostFor(request: object): { host: ArgumentsHost; sent: { status?: number; body?: unknown } } {
  const sent: { status?: number; body?: unknown } = {};
  const response = {
    req: request,
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  return { host, sent };
}

describe('ApiExceptionFilter on an unexpected error', () => {
  afterEach(() => jest.restoreAllMocks());

  it('answers 500 without detail and logs the route pattern, never the URL (a path or query may name a child)', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { host, sent } = hostFor({ method: 'POST', originalUrl: '/children/C1/care-periods?note=Jane%20Smith', route: { path: '/children/:childId/care-periods' } });
    new ApiExceptionFilter().catch(new RangeError('boom'), host);
    expect(sent).toEqual({ status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'An unexpected error occurred; it has been logged.' } });
    expect(logged.mock.calls[0][0]).toBe('unexpected error answering POST /children/:childId/care-periods');
    expect(JSON.stringify(logged.mock.calls)).not.toContain('Jane');
  });
});
