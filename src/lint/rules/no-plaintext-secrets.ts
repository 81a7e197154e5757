import { defineRule } from '../types.js';
import { envEntries, isDynamic, services } from './_util.js';

const SECRET_NAME = /(^|_)(PASS(WORD|WD)?|PWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|SECRET_?KEY|AUTH_?KEY|CREDENTIALS?)(_|$)/i;
/** Names that point at a secret instead of holding one, or switch a feature. */
const NOT_A_SECRET = /(_FILE|_PATH|_DIR|_LENGTH|_EXPIRY|_TTL|_ENABLED?|_HEADER)$|ALLOW_EMPTY|RANDOM_ROOT/i;
const FLAG = /^(yes|no|true|false|on|off|0|1|)$/i;
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/:@\s]*:[^/@\s]+@/i;

export default defineRule({
  name: 'no-plaintext-secrets',
  meta: {
    category: 'security',
    defaultSeverity: 'warning',
    fixable: false,
    docs: { description: 'Passwords, tokens and keys should not be written in `environment`; use `${VAR}`, an env_file or secrets.' },
    messages: {
      secret: 'service "{{service}}" sets {{name}} in plain text: use a variable, an env_file or a secret',
      url: 'service "{{service}}" has a password in the URL of {{name}}: use a variable, an env_file or a secret',
    },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    for (const s of services(ctx)) {
      for (const e of envEntries(s.svc.environment)) {
        const p = [...s.path, 'environment', e.seg];
        if (e.value === undefined || isDynamic(ctx, p, e.value)) continue;
        const messageId = classify(e.name, e.value);
        if (messageId) ctx.report({ messageId, data: { service: s.name, name: e.name }, path: p, service: s.name });
      }
    }
  },
});

function classify(name: string, value: string): 'secret' | 'url' | undefined {
  if (URL_WITH_PASSWORD.test(value.trim())) return 'url';
  if (!SECRET_NAME.test(name) || NOT_A_SECRET.test(name) || FLAG.test(value.trim())) return undefined;
  if (value.startsWith('/run/secrets/')) return undefined;
  return 'secret';
}
