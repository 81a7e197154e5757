import { defineRule } from '../types.js';
import { pairLinesRange } from './_reorder.js';
import { cleanFiles } from './_style.js';

export default defineRule({
  name: 'no-obsolete-version',
  meta: {
    category: 'best-practice',
    defaultSeverity: 'warning',
    fixable: true,
    docs: { description: 'The top-level `version` is obsolete: Compose ignores it and prints a warning.' },
    messages: { obsolete: 'the top-level "version" is obsolete and ignored: remove it' },
    presets: ['recommended', 'strict'],
  },
  create(ctx) {
    // The loader's positions say which files have `version`: the others need no yaml Document.
    for (const f of cleanFiles(ctx, (file) => file.positions.has('version'))) {
      const range = f.doc ? pairLinesRange(f, f.doc.contents, 'version') : undefined;
      if (!range) continue;
      ctx.report({ messageId: 'obsolete', range: range.key, file: f.path, fix: (fixer) => fixer.removeRange(range.lines) });
    }
  },
});
