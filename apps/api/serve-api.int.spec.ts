import { readdirSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { useTempFolder } from '../../libs/testing/temp-folder';
import { serveApi, SettingsError } from './serve-api';

const dataDir = useTempFolder('iro-serve-');

describe('serveApi', () => {
  let taken: Server;
  let port: number;

  beforeEach(async () => {
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    port = (taken.address() as { port: number }).port;
  });
  afterEach(async () => {
    await new Promise((resolve) => taken.close(resolve));
  });

  it('on a port another process holds: refuses to start with one problem naming the port', async () => {
    const env = { DATA_DIR: dataDir(), PORT: String(port) };
    const refused = serveApi(env);
    await expect(refused).rejects.toBeInstanceOf(SettingsError);
    await expect(refused).rejects.toMatchObject({ problems: [`PORT ${port}: already in use by another process`] });
  });

  it('on a port another process holds: refuses before building the app (no store opened, nothing logged as started)', async () => {
    const env = { DATA_DIR: dataDir(), PORT: String(port) };
    await expect(serveApi(env)).rejects.toBeInstanceOf(SettingsError);
    expect(readdirSync(env.DATA_DIR).filter((file) => file.endsWith('.sqlite'))).toEqual([]);
  });
});
