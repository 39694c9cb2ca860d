// Mocha entry for the web extension host (a web worker in the browser), bundled by test/web/build.mjs.
// The browser build of mocha sets the `mocha` global; there is no file system to load test files from.
import 'mocha/mocha';

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    mocha.setup({ ui: 'bdd', reporter: undefined, timeout: 60_000 });
    import('./web.test')
      .then(() => {
        mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} web test(s) failed.`)) : resolve()));
      })
      .catch(reject);
  });
}
