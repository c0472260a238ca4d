import { getMetadataStorage } from 'class-validator';
import request from 'supertest';
import { ApiUnderTest, startApi } from './api-under-test';

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; items?: Schema };

/**
 * What each validator refuses, as the OpenAPI schema of the field must say it, so that a
 * client built from the document does not send what the server answers 400 to.
 */
const DOCUMENTED_AS: Record<string, (constraints: unknown[]) => Record<string, unknown>> = {
  arrayMinSize: ([min]) => ({ minItems: min }),
  arrayMaxSize: ([max]) => ({ maxItems: max }),
  arrayUnique: () => ({ uniqueItems: true }),
  isLength: ([min, max]) => ({ minLength: min, maxLength: max }),
  min: ([min]) => ({ minimum: min }),
  max: ([max]) => ({ maximum: max }),
  isInt: () => ({ type: 'integer' }),
  isCalendarDate: () => ({ format: 'date' }),
  isRecordId: () => ({ pattern: '^[A-Za-z0-9_-]{1,64}$' }),
  isFreeText: ([max]) => ({ minLength: 1, maxLength: max, pattern: '\\S' }),
};

describe('the OpenAPI document says what the validators refuse', () => {
  let api: ApiUnderTest;
  let document: { components: { schemas: Record<string, Schema> }; paths: Record<string, Record<string, { parameters?: Schema[] }>> };
  beforeAll(async () => {
    api = await startApi();
    document = (await request(api.app.getHttpServer()).get('/docs-json')).body;
  });
  afterAll(() => api.destroy());

  it('given every request body schema, then each field shows the constraints of its validators', () => {
    const { schemas } = document.components;
    const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Function, ValidationMetadataSeen[]> };
    const undocumented: string[] = [];
    let checked = 0;
    for (const [target, metadatas] of storage.validationMetadatas) {
      const schema = schemas[target.name];
      if (!schema?.properties) continue;
      for (const metadata of metadatas) {
        const expected = metadata.name !== undefined ? DOCUMENTED_AS[metadata.name]?.(metadata.constraints ?? []) : undefined;
        if (expected === undefined) continue;
        const property = schema.properties[metadata.propertyName];
        const documented = metadata.each ? property?.items : property;
        checked += 1;
        for (const [key, value] of Object.entries(expected)) {
          if (documented?.[key] !== value) undocumented.push(`${target.name}.${metadata.propertyName}: ${key} ${JSON.stringify(value)}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
    expect(undocumented).toEqual([]);
  });

  it.each([
    ['Idempotency-Key', ['0b6d4c3e-8f5a-4a59-9d53-0d4a1c1e8a10', 'k'], ['has space', 'k'.repeat(256), '']],
    ['If-Match', ['3', '"3"', 'W/"3"'], ['yesterday', '-1', '3.5']],
    ['X-Correlation-Id', ['req-1:a.b_c'], ['has space', 'x'.repeat(129), '']],
  ])('given the %s header of every command, then its documented pattern takes what the server takes', (name, taken, refused) => {
    const headers = Object.values(document.paths)
      .flatMap((item) => item.post?.parameters ?? [])
      .filter((parameter) => parameter.in === 'header' && parameter.name === name);
    expect(headers.length).toBeGreaterThan(10);
    for (const header of headers) {
      const pattern = new RegExp((header?.schema as Schema | undefined)?.pattern as string);
      expect({ name, taken: taken.filter((value) => pattern.test(value)) }).toEqual({ name, taken });
      expect({ name, refused: refused.filter((value) => pattern.test(value)) }).toEqual({ name, refused: [] });
    }
  });
});

interface ValidationMetadataSeen {
  name?: string;
  propertyName: string;
  constraints?: unknown[];
  each?: boolean;
}
