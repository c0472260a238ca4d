import { ApiUnderTest } from '../api-under-test';

/**
 * Waits until GET /health reports each named projection with no lag, so the queries
 * that follow read every event the test appended. Fails (with what /health said) when
 * they do not catch up or do not run in this API.
 */
export async function projectionsCaughtUp(api: ApiUnderTest, names: string[], attempts = 200): Promise<void> {
  let last: unknown;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const response = await api.http().get('/health');
    last = response.body;
    const projections: { name: string; lag: number }[] = response.body?.projections ?? [];
    if (names.every((name) => projections.some((p) => p.name === name && p.lag === 0))) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`projections ${names.join(', ')} did not catch up; /health said ${JSON.stringify(last)}`);
}
