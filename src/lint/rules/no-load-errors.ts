import { defineRule } from '../types.js';
import { isYamlCode, OWN_CODES, reemit } from './_reemit.js';

export default defineRule({
  name: 'no-load-errors',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    fixable: false,
    docs: { description: 'Every other error the loader finds (invalid port, volume or duration syntax, include / extends / interpolation errors, a service without image or build, …), at its node.' },
    messages: { load: '{{message}} [{{code}}]' },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    reemit(ctx, (d) => d.severity === 'error' && !isOwn(d.code, d.path) && !isYamlCode(d.code) && !d.code.startsWith('schema_'), 'load');
  },
});

/** A project-level `--env-file` that is missing is not a service's env_file: report it here. */
function isOwn(code: string, path: string | undefined): boolean {
  return OWN_CODES.has(code) && (code !== 'env_file_not_found' || !!path?.startsWith('services.'));
}
