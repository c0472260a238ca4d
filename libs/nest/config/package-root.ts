import { existsSync, readFileSync } from 'fs';
import { dirname, join } from 'path';

/**
 * The folder holding this project's package.json. Found by walking up from this file,
 * so it is the same from the TypeScript sources (tests) and from dist/ (npm start, npx iro).
 */
export function packageRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'iro-oversight') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the iro-oversight package.json above ${from}`);
    dir = parent;
  }
}

/** The documented default local-authority configuration shipped with the project. */
export const defaultIroConfigPath = (): string => join(packageRoot(), 'config', 'iro-config.default.json');
