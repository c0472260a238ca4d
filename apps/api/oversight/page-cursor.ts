import { badRequest } from '../../../libs/nest/http/field-errors';

/**
 * A page's `nextCursor`: where the page ended, opaque to clients (base64url JSON of the
 * last item's sort key). The next request passes it back as `cursor`.
 */
export function encodeCursor(position: object): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** The position a cursor names, or a 400 on `cursor` when it is not one this list gave out. */
export function decodeCursor<T>(cursor: string | undefined, isPosition: (value: unknown) => value is T): T | undefined {
  if (cursor === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (!isPosition(value)) throw badRequest([{ field: 'cursor', messages: ['cursor must be a nextCursor this list gave out'] }]);
  return value;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
