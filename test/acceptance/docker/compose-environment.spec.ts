import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVE_SETTINGS_HELP } from '../../../apps/api/serve-api';
import { PROJECTOR_SETTINGS_HELP } from '../../../apps/projector/projector-service';

/**
 * docker/compose.yml cannot be run here (no Docker engine): this checks, as text, that every
 * variable the services read is in docker/README.md's Environment table and that compose.yml
 * passes each one to the service that reads it, so setting it in the shell or docker/.env works.
 */
const docker = join(__dirname, '../../../docker');
const compose = readFileSync(join(docker, 'compose.yml'), 'utf8');
const readme = readFileSync(join(docker, 'README.md'), 'utf8');
const namesOf = (help: readonly string[]) => help.map((line) => line.split(/\s/)[0]);

/** the variables a row of the README's Environment table names, and the services it says read them */
const table = readme
  .split('\n')
  .filter((line) => /^\| `[A-Z_]+`/.test(line))
  .flatMap((line) => {
    const [names, usedBy] = line.split('|').slice(1, 3);
    return [...names.matchAll(/`([A-Z_]+)`/g)].map(([, name]) => ({ name, usedBy: usedBy.trim() }));
  });

/** the lines of one service's block in compose.yml (the shared x-iro-environment block included) */
function environmentOf(service: 'api' | 'projector'): string {
  const block = new RegExp(`^  ${service}:\\n((?:    .*\\n|\\n)*)`, 'm').exec(compose)?.[1] ?? '';
  const shared = /^x-iro-environment: &iro-environment\n((?:  .*\n)*)/m.exec(compose)?.[1] ?? '';
  return block.includes('<<: *iro-environment') ? block + shared : block;
}

describe('docker/compose.yml and docker/README.md', () => {
  it.each([
    ['api', namesOf(SERVE_SETTINGS_HELP)],
    ['projector', namesOf(PROJECTOR_SETTINGS_HELP)],
  ] as const)('the README lists every variable the %s reads, as used by it', (service, names) => {
    for (const name of names) expect(table.filter((row) => row.name === name && row.usedBy.includes(service))).toHaveLength(1);
  });

  it.each(['api', 'projector'] as const)('compose passes the %s every variable the README says it uses', (service) => {
    const environment = environmentOf(service);
    for (const { name } of table.filter((row) => row.usedBy.includes(service))) {
      // PORT is the published host port: the api listens on 3000 in its container
      if (name === 'PORT') expect(compose).toContain('"${PORT:-3000}:3000"');
      else expect({ name, passed: new RegExp(`^\\s+${name}: `, 'm').test(environment) }).toEqual({ name, passed: true });
    }
  });

  it("writes compose's interpolations as ${NAME}, ${NAME:-default} or ${NAME:?message}", () => {
    for (const file of ['compose.yml', 'compose.authority.yml']) {
      const text = readFileSync(join(docker, file), 'utf8').replace(/^\s*#.*$/gm, '');
      for (const [found] of text.matchAll(/\$\{[^}]*\}?/g)) expect(found).toMatch(/^\$\{[A-Z_][A-Z0-9_]*(:[-?][^}$]*)?\}$/);
      expect(text).not.toMatch(/\$(?![{$])/);
    }
  });
});
