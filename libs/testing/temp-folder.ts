import { afterAll, afterEach, beforeAll, beforeEach } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A new, empty folder in the system's temporary folder, named `prefix` and six random characters. */
export function makeTempFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Removes a temporary folder and all it holds; one already gone is no error. */
export function removeTempFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}

/**
 * A fresh temporary folder for each test ('each') or for the whole block ('all'), removed
 * afterwards; gives a getter for the current folder's path.
 *
 * Call it in the block around the one whose hooks keep files open in the folder, e.g. above
 * the `describe`: jest runs one block's after-hooks in the order they were registered, but an
 * outer block's before-hooks first and its after-hooks last, so the describe's own teardown
 * (closing a database) then runs before the folder is removed.
 */
export function useTempFolder(prefix: string, scope: 'each' | 'all' = 'each'): () => string {
  let folder: string | undefined;
  const make = () => {
    folder = makeTempFolder(prefix);
  };
  const remove = () => {
    if (folder !== undefined) removeTempFolder(folder);
    folder = undefined;
  };
  if (scope === 'each') {
    beforeEach(make);
    afterEach(remove);
  } else {
    beforeAll(make);
    afterAll(remove);
  }
  return () => {
    if (folder === undefined) throw new Error(`no temporary folder ${prefix}… now: it exists only while the tests run`);
    return folder;
  };
}
