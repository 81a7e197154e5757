import { describe, expect, it } from 'vitest';
import type { Revision } from '../safety/revision.js';
import { historyEntry, renderHistory } from './history.js';

function rev(n: number, over: Partial<Revision> = {}): Revision {
  return {
    formatVersion: 1, project: 'p', number: n, time: `2026-01-0${n}T10:00:00.123Z`, command: 'ncompose up -d', kind: 'up',
    model: { name: 'p', services: {} }, workingDir: '/w', configFiles: [], images: { api: `sha256:${n}` }, changed: ['api'], digest: `d${n}`, ...over,
  };
}

describe('history', () => {
  it('renders aligned columns, oldest first, the current revision marked, rollbacks named', () => {
    const text = renderHistory([rev(1, { changed: ['api', 'db'] }), rev(2, { changed: [] }), rev(3, { kind: 'rollback', rollbackTo: 1, command: 'ncompose rollback --yes' })]);
    expect(text.split('\n')).toEqual([
      'REV  TIME                  SERVICES CHANGED  COMMAND',
      '1    2026-01-01 10:00:00Z  api, db           ncompose up -d',
      '2    2026-01-02 10:00:00Z  -                 ncompose up -d',
      '3 *  2026-01-03 10:00:00Z  api               ncompose rollback --yes  (rollback to 1)',
      '',
    ]);
  });

  it('JSON entries carry the image ids, not the model', () => {
    expect(historyEntry(rev(2))).toEqual({ number: 2, time: '2026-01-02T10:00:00.123Z', kind: 'up', rollbackTo: undefined, changed: ['api'], command: 'ncompose up -d', images: { api: 'sha256:2' } });
  });
});
