// Temporary helper (deleted after use): prints pack compile problems for the shipped rules.
import { BUILTIN_PACK_FILES } from './server/src/core/rules';
import { compilePack } from './server/src/core/pack';
const r = compilePack(BUILTIN_PACK_FILES, undefined, false);
for (const p of r.problems) console.log(p.path, p.message);
