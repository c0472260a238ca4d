'use strict';
/**
 * Lets a child process run the TypeScript sources directly (`node -r
 * ./test/reliability/support/register-typescript.js file.ts`), transpiled per file the
 * way the tests run them (ts-jest isolatedModules), so a crash test kills the code as
 * written, not a stale build. Transpiled files are cached in the temp folder by path,
 * size and modification time, so a restart does not transpile again.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { threadId } = require('node:worker_threads');

const root = path.resolve(__dirname, '../../..');
const cacheDir = path.join(os.tmpdir(), 'iro-oversight-ts-cache');
fs.mkdirSync(cacheDir, { recursive: true });

let compilerOptions;
function transpile(source, filename) {
  const ts = require('typescript');
  if (!compilerOptions) {
    const { config } = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
    const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, root);
    compilerOptions = { ...options, module: ts.ModuleKind.CommonJS, sourceMap: false, inlineSourceMap: true, declaration: false };
  }
  return ts.transpileModule(source, { compilerOptions, fileName: filename }).outputText;
}

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const stat = fs.statSync(filename);
  const key = crypto.createHash('sha1').update(`${filename}:${stat.size}:${stat.mtimeMs}`).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  let output;
  try {
    output = fs.readFileSync(cached, 'utf8');
  } catch {
    output = transpile(fs.readFileSync(filename, 'utf8'), filename);
    // worker threads of one process compile the same files at once: a name of their own each
    const temporary = `${cached}.${process.pid}.${threadId}.${crypto.randomBytes(4).toString('hex')}`;
    fs.writeFileSync(temporary, output);
    fs.renameSync(temporary, cached);
  }
  module._compile(output, filename);
};
