import { CommandOrigin } from '../../../libs/nest/commands/command-origin';
import { generatedId } from './generated-id';

const origin = (userId: string, idempotencyKey?: string): CommandOrigin => ({
  metadata: { correlationId: 'c', causationId: 'c', actor: { userId, role: 'iro' }, ...(idempotencyKey !== undefined && { idempotencyKey }) },
  expectedRevision: undefined,
});

describe('generatedId', () => {
  it('is the same for a retry under the same caller and key, so the retry names the same record', () => {
    expect(generatedId('challenge', origin('iro-7', 'k1'))).toBe(generatedId('challenge', origin('iro-7', 'k1')));
    expect(generatedId('challenge', origin('iro-7', 'k1'))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('differs for another key, another caller or another kind of record, and is random without a key', () => {
    const ids = [
      generatedId('challenge', origin('iro-7', 'k1')), generatedId('challenge', origin('iro-7', 'k2')),
      generatedId('challenge', origin('iro-8', 'k1')), generatedId('review', origin('iro-7', 'k1')),
      generatedId('challenge', origin('iro-7')), generatedId('challenge', origin('iro-7')),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });
});
