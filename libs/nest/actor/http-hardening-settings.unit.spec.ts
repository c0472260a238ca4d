import { DEFAULT_HTTP_HARDENING, loadHttpHardeningSettings } from './http-hardening-settings';

describe('HTTP hardening settings', () => {
  it('closes CORS, limits each user to 1200 a minute and bodies to 100kb when nothing is set', () => {
    expect(loadHttpHardeningSettings({})).toEqual({ settings: DEFAULT_HTTP_HARDENING });
    expect(DEFAULT_HTTP_HARDENING).toEqual({ corsOrigins: [], rateLimitPerMinute: 1200, requestBodyLimit: '100kb', logLevel: 'info' });
  });

  it('reads listed origins, a limit or "off", a body size and a log level', () => {
    expect(loadHttpHardeningSettings({
      CORS_ORIGINS: 'https://iro.example.gov.uk, http://localhost:4200', RATE_LIMIT_PER_MINUTE: 'off', REQUEST_BODY_LIMIT: '1MB', LOG_LEVEL: 'WARN',
    })).toEqual({ settings: { corsOrigins: ['https://iro.example.gov.uk', 'http://localhost:4200'], rateLimitPerMinute: null, requestBodyLimit: '1mb', logLevel: 'warn' } });
    expect(loadHttpHardeningSettings({ RATE_LIMIT_PER_MINUTE: '60' })).toMatchObject({ settings: { rateLimitPerMinute: 60 } });
  });

  it('names every bad setting', () => {
    expect(loadHttpHardeningSettings({ CORS_ORIGINS: '*,ftp://x.example,https://a.example/app', RATE_LIMIT_PER_MINUTE: '0', REQUEST_BODY_LIMIT: '11mb', LOG_LEVEL: 'chatty' })).toEqual({
      errors: [
        expect.stringMatching(/^CORS_ORIGINS must list origins .* not "\*"/),
        expect.stringMatching(/^CORS_ORIGINS: "ftp:\/\/x.example" is not an origin/),
        expect.stringMatching(/^CORS_ORIGINS: "https:\/\/a.example\/app" is not an origin/),
        expect.stringMatching(/^RATE_LIMIT_PER_MINUTE must be a whole number/),
        expect.stringMatching(/^REQUEST_BODY_LIMIT must be a size from 1kb to 10mb/),
        expect.stringMatching(/^LOG_LEVEL must be one of/),
      ],
    });
  });
});
