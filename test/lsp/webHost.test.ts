// The pieces the browser build adds: URI path operations, the config resolver over an asynchronous file system
// (the client answers file requests in the browser), and dist/web/server.js itself in a worker thread dressed as a
// web worker (the same harness bench/web.ts times).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AsyncConfigResolver, SyncConfigResolver } from '../../server/src/host/configResolver';
import type { AsyncFileSystem, SyncFileSystem } from '../../server/src/host/fileSystem';
import { countUtf8, utf8Length } from '../../server/src/lsp/state';
import { uriPaths } from '../../server/src/web/uriPaths';
import { initializeParams, startWebServer } from '../../bench/web';

/** An in-memory file system over URIs, sync and async, that counts reads. */
function memoryFs(files: Record<string, string>) {
  const reads: string[] = [];
  const sync: SyncFileSystem = {
    ...uriPaths,
    readFile: (uri) => {
      reads.push(uri);
      if (!(uri in files)) throw new Error(`ENOENT: ${uri}`);
      return files[uri];
    },
    stat: (uri) => (uri in files ? { isFile: true, stamp: `${files[uri].length}` } : undefined),
  };
  const async: AsyncFileSystem = { ...uriPaths, readFile: async (uri) => sync.readFile(uri), stat: async (uri) => sync.stat(uri) };
  return { sync, async, reads };
}

describe('web host', function () {
  describe('URI paths', function () {
    const cases: Array<[string, () => string, string]> = [
      ['dirname', () => uriPaths.dirname('vscode-vfs://github/acme/repo/docs/a.md'), 'vscode-vfs://github/acme/repo/docs'],
      ['dirname stops at the root', () => uriPaths.dirname('vscode-test-web://mount/'), 'vscode-test-web://mount/'],
      ['join encodes the name', () => uriPaths.join('memfs:/a', 'b c.json'), 'memfs:/a/b%20c.json'],
      ['resolve a relative path', () => uriPaths.resolve('vscode-test-web://mount/team/sub', '../shared/base config.json'), 'vscode-test-web://mount/team/shared/base%20config.json'],
      ['resolve an absolute path', () => uriPaths.resolve('vscode-test-web://mount/team', '/packs/p.json'), 'vscode-test-web://mount/packs/p.json'],
      ['resolve "." normalises', () => uriPaths.resolve('vscode-test-web://mount/a/./b/', '.'), 'vscode-test-web://mount/a/b'],
      ['basename decodes', () => uriPaths.basename('vscode-test-web://mount/a/team%20pack.json'), 'team pack.json'],
      ['relative inside', () => uriPaths.relative('vscode-test-web://mount/a', 'vscode-test-web://mount/a/drafts/x%20y.md'), 'drafts/x y.md'],
      ['relative outside', () => uriPaths.relative('vscode-test-web://mount/a', 'vscode-test-web://mount/b/x.md'), '../b/x.md'],
      ['relative across authorities', () => uriPaths.relative('vscode-vfs://github/a', 'vscode-vfs://gitlab/a/x.md').slice(0, 3), '../'],
    ];
    for (const [name, run, expected] of cases) it(name, () => assert.equal(run(), expected));
  });

  describe('config over an asynchronous file system', function () {
    const root = 'vscode-vfs://github/acme/repo';
    const files = {
      [`${root}/.trustlintrc.json`]: '{ "extends": "./config/base.json", "rules": { "vague-expiry": "off" }, "ignore": ["drafts/**"] }',
      [`${root}/config/base.json`]: '{ "packs": ["../team.trustlint-pack.json"], "rules": { "act-now": "error" } }',
      [`${root}/team.trustlint-pack.json`]: '{ "rules": [] }',
      [`${root}/broken/.trustlintrc.json`]: '{ "rules": { "act-nw": "off" } }',
    };

    it('finds the nearest file, follows extends and packs, and agrees with the synchronous resolver', async function () {
      const mem = memoryFs(files);
      const file = `${root}/playbooks/closing.playbook`;
      const loaded = await new AsyncConfigResolver(mem.async, { stopAt: [root] }).forFile(file);
      const same = new SyncConfigResolver(mem.sync, { stopAt: [root] }).forFile(file);
      assert.equal(loaded.configFile, `${root}/.trustlintrc.json`);
      assert.deepEqual(loaded.issues, []);
      assert.deepEqual(loaded.files.sort(), [`${root}/.trustlintrc.json`, `${root}/config/base.json`, `${root}/team.trustlint-pack.json`]);
      assert.deepEqual(same.files.sort(), loaded.files.sort());
      assert.equal(loaded.config.rules['vague-expiry'], 'off', 'the nearest file');
      assert.equal(loaded.config.rules['act-now'], 'error', 'the extended file');
      assert.deepEqual(same.config, loaded.config);
      assert.equal(loaded.isIgnored(`${root}/drafts/a.md`), true);
      assert.equal(loaded.isIgnored(`${root}/playbooks/a.md`), false);
    });

    it('locates problems at the key, with the file as a URI', async function () {
      const mem = memoryFs(files);
      const loaded = await new AsyncConfigResolver(mem.async, { stopAt: [root] }).forFile(`${root}/broken/x.md`);
      assert.equal(loaded.issues.length, 1);
      assert.equal(loaded.issues[0].file, `${root}/broken/.trustlintrc.json`);
      assert.match(loaded.issues[0].message, /act-nw/);
      assert.deepEqual([loaded.issues[0].line, loaded.issues[0].column], [1, 14], 'at the key "act-nw"');
    });

    it('does not look above the workspace folder and caches until invalidated', async function () {
      const mem = memoryFs({ 'vscode-vfs://github/acme/.trustlintrc.json': '{ "rules": { "act-now": "off" } }' });
      const resolver = new AsyncConfigResolver(mem.async, { stopAt: [root] });
      assert.equal((await resolver.forFile(`${root}/a.md`)).configFile, undefined);
      const withConfig = memoryFs(files);
      const cached = new AsyncConfigResolver(withConfig.async);
      await cached.forFile(`${root}/a.md`);
      const reads = withConfig.reads.length;
      await cached.forFile(`${root}/b.md`);
      assert.equal(withConfig.reads.length, reads, 'a second file under the same config reads nothing again');
    });
  });

  it('counts UTF-8 bytes like Buffer.byteLength', function () {
    for (const text of ['', 'plain', 'naïve café', '😀 emoji', '\ud800 lone high', 'lone low \udc00', 'x'.repeat(1000) + '€']) {
      assert.equal(countUtf8(text), Buffer.byteLength(text, 'utf8'), JSON.stringify(text));
      assert.equal(utf8Length(text), Buffer.byteLength(text, 'utf8'));
    }
  });

  describe('dist/web/server.js in a worker', function () {
    const serverFile = path.resolve(__dirname, '../../dist/web/server.js');
    const folder = 'vscode-test-web://mount';
    const text = '# Closing call\n\nRep: Act now, this offer expires tonight!\n';

    before(function () {
      if (!fs.existsSync(serverFile)) this.skip();
    });

    it('lints with the workspace config it reads through the client, and offers "Always allow" on it', async function () {
      const server = startWebServer({
        [`${folder}/team/.trustlintrc.json`]: '{ "rules": { "vague-expiry": "off" }, "allow": [] }',
      });
      try {
        await server.request('initialize', initializeParams(folder));
        server.notify('initialized', {});
        const plain = `${folder}/pitch.playbook`;
        const team = `${folder}/team/pitch.playbook`;
        for (const uri of [plain, team]) server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'playbook', version: 1, text } });
        type Report = { items: Array<{ code: string; range: unknown; source: string }> };
        const codes = async (uri: string) => (await server.request<Report>('textDocument/diagnostic', { textDocument: { uri } })).items.map((d) => d.code);
        assert.ok((await codes(plain)).includes('vague-expiry'), 'no config: every rule');
        assert.ok(!(await codes(team)).includes('vague-expiry'), `team/.trustlintrc.json turns vague-expiry off (log: ${server.log.join(' | ')})`);
        const report = await server.request<Report>('textDocument/diagnostic', { textDocument: { uri: team } });
        const actNow = report.items.find((d) => d.code === 'act-now')!;
        const actions = await server.request<Array<{ title: string; edit?: { changes?: Record<string, unknown> } }>>('textDocument/codeAction', {
          textDocument: { uri: team }, range: actNow.range, context: { diagnostics: [actNow], only: ['quickfix'] },
        });
        const allow = actions.find((a) => a.title.startsWith('Always allow “Act now”'));
        assert.equal(allow?.title, 'Always allow “Act now” (add to .trustlintrc.json)');
        assert.deepEqual(Object.keys(allow?.edit?.changes ?? {}), [`${folder}/team/.trustlintrc.json`]);
      } finally {
        await server.stop();
      }
    });
  });
});
