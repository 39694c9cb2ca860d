// A keystroke must not search the folders for a config file every time (in the browser each look is a request to the
// client), yet a config change must still apply: at once when the client reports it, within CONFIG_RECHECK_MS when not.
import * as assert from 'node:assert/strict';
import type { Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AsyncFileSystem } from '../../server/src/host/fileSystem';
import type { ServerHost } from '../../server/src/lsp/host';
import { SettingsStore } from '../../server/src/lsp/settings';
import { CONFIG_RECHECK_MS, LintState } from '../../server/src/lsp/state';
import { uriPaths } from '../../server/src/web/uriPaths';

describe('config lookup on keystrokes', function () {
  const files: Record<string, string> = {};
  let looks = 0;
  const fs: AsyncFileSystem = {
    ...uriPaths,
    readFile: async (uri) => {
      looks++;
      if (!(uri in files)) throw new Error(`ENOENT: ${uri}`);
      return files[uri];
    },
    stat: async (uri) => {
      looks++;
      return uri in files ? { isFile: true, stamp: `${files[uri].length}:${files[uri]}` } : undefined;
    },
  };
  const host: ServerHost = { fs, locate: (uri) => uri, toUri: (location) => location };
  let clock = 1_000_000;
  const state = new LintState(new SettingsStore({} as Connection, false), { error: () => {}, warn: () => {} }, undefined, undefined, host, [], undefined, () => clock);
  const uri = 'memfs:/work/team/deals/call.playbook';
  let version = 0;
  const rules = async (text: string) => {
    const doc = TextDocument.create(uri, 'playbook', ++version, text);
    return (await state.outcome(doc))!.findings.map((f) => f.ruleId);
  };

  it('looks once for a burst of keystrokes, again once the lookup is older than CONFIG_RECHECK_MS', async function () {
    assert.ok((await rules('Rep: Act now, this offer expires tonight!')).includes('act-now'));
    assert.ok(looks > 0, 'the first lint looks for a config file');
    const first = looks;
    for (let k = 0; k < 5; k++) {
      clock += 100;
      await rules(`Rep: Act now, this offer expires tonight! ${k}`);
    }
    assert.equal(looks, first, 'keystrokes in a row reuse the lookup');
    clock += CONFIG_RECHECK_MS;
    await rules('Rep: Act now, this offer expires tonight! again');
    assert.ok(looks > first, 'an old lookup is done again');
  });

  it('a config file written without the client saying so applies within CONFIG_RECHECK_MS', async function () {
    files['memfs:/work/team/.trustlintrc.json'] = '{ "rules": { "act-now": "off" } }';
    clock += 10;
    assert.ok((await rules('Rep: Act now, this offer expires tonight!')).includes('act-now'), 'not yet: the lookup is recent');
    clock += CONFIG_RECHECK_MS;
    assert.ok(!(await rules('Rep: Act now, this offer expires tonight!')).includes('act-now'), 'the new config applies');
  });

  it('a change the client reports applies at the next keystroke', async function () {
    files['memfs:/work/team/.trustlintrc.json'] = '{ "rules": { "act-now": "error" } }';
    clock += 10;
    state.clear();
    const doc = TextDocument.create(uri, 'playbook', ++version, 'Rep: Act now, this offer expires tonight!');
    const outcome = (await state.outcome(doc))!;
    assert.equal(outcome.findings.find((f) => f.ruleId === 'act-now')?.severity, 'error');
  });
});
