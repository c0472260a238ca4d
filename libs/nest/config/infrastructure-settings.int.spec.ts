import { writeFileSync } from 'fs';
import { join } from 'path';
import { DEFAULT_LOCAL_AUTHORITY_CONFIG } from '../../../src/config/local-authority-config';
import { useTempFolder } from '../../testing/temp-folder';
import { loadInfrastructureSettings } from './infrastructure-settings';
import { defaultIroConfigPath } from './package-root';

const cwd = useTempFolder('iro-settings-');

describe('loadInfrastructureSettings', () => {
  it('defaults to port 3000, ./data (created), the embedded stores and the shipped configuration', () => {
    expect(loadInfrastructureSettings({}, cwd())).toEqual({
      settings: {
        port: 3000,
        dataDir: join(cwd(), 'data'),
        eventStoreUrl: null,
        mongodbUrl: null,
        sqliteSynchronous: 'NORMAL',
        iroConfigPath: defaultIroConfigPath(),
        config: DEFAULT_LOCAL_AUTHORITY_CONFIG,
      },
    });
  });

  it('reads every setting from the environment, treating empty as unset', () => {
    writeFileSync(join(cwd(), 'la.json'), JSON.stringify({
      localAuthority: 'Teesside', populationUnder18ByYear: { '2019': 32751 }, stageDeadlineWorkingDays: { '1': 2, '2': 3, '3': 5, '4': 10 },
    }));
    const result = loadInfrastructureSettings(
      {
        PORT: '8080', DATA_DIR: 'store', EVENTSTORE_URL: 'esdb://localhost:2113?tls=false', MONGODB_URL: 'mongodb://localhost/iro',
        IRO_CONFIG: 'la.json', SQLITE_SYNCHRONOUS: 'Full',
      },
      cwd(),
    );
    expect(result).toMatchObject({
      settings: {
        port: 8080,
        dataDir: join(cwd(), 'store'),
        eventStoreUrl: 'esdb://localhost:2113?tls=false',
        mongodbUrl: 'mongodb://localhost/iro',
        sqliteSynchronous: 'FULL',
        iroConfigPath: join(cwd(), 'la.json'),
        config: { localAuthority: 'Teesside', stageDeadlineWorkingDays: { '1': 2, '2': 3, '3': 5, '4': 10 } },
      },
    });
    expect(loadInfrastructureSettings({ PORT: '', EVENTSTORE_URL: ' ', SQLITE_SYNCHRONOUS: '' }, cwd())).toMatchObject({
      settings: { port: 3000, eventStoreUrl: null, sqliteSynchronous: 'NORMAL' },
    });
  });

  it('gives one clear message per bad setting, all at once', () => {
    writeFileSync(join(cwd(), 'la.json'), JSON.stringify({
      localAuthority: 'Teesside', populationUnder18ByYear: { '2019': 32751 }, stageDeadlineWorkingDays: { '1': 5, '2': 5, '3': 5, '4': 10 },
    }));
    const result = loadInfrastructureSettings(
      { PORT: '99999', EVENTSTORE_URL: 'http://localhost:2113', MONGODB_URL: 'localhost:27017', SQLITE_SYNCHRONOUS: 'extra', IRO_CONFIG: 'la.json' },
      cwd(),
    );
    expect(result).toEqual({
      errors: [
        'PORT must be a whole number from 1 to 65535, got "99999"',
        'EVENTSTORE_URL must be an EventStoreDB connection string (esdb://host:2113?tls=false), got "http://localhost:2113"',
        'MONGODB_URL must be a MongoDB connection string (mongodb://host:27017/iro), got "localhost:27017"',
        'SQLITE_SYNCHRONOUS must be normal or full, got "extra"',
        `IRO_CONFIG (${join(cwd(), 'la.json')}): stageDeadlineWorkingDays total 25 working days; the IRO Handbook allows no more than 20 for stages 1-4 together`,
      ],
    });
  });

  it('names a configuration file that is missing or not JSON', () => {
    expect(loadInfrastructureSettings({ IRO_CONFIG: 'nope.json' }, cwd())).toEqual({
      errors: [`IRO_CONFIG ${join(cwd(), 'nope.json')} cannot be read: no such file`],
    });
    writeFileSync(join(cwd(), 'bad.json'), '{ "localAuthority": ');
    const result = loadInfrastructureSettings({ IRO_CONFIG: 'bad.json' }, cwd());
    expect('errors' in result && result.errors[0]).toMatch(/^IRO_CONFIG .*bad\.json cannot be read: /);
  });

  it('refuses a DATA_DIR it cannot create', () => {
    writeFileSync(join(cwd(), 'a-file'), '');
    const result = loadInfrastructureSettings({ DATA_DIR: 'a-file/data' }, cwd());
    expect('errors' in result && result.errors).toEqual([expect.stringMatching(/^DATA_DIR .*a-file\/data is not a writable folder: /)]);
  });
});
