/** Cycle diagnostics name every edge with the file:line:col that declares it. */
import { describe, expect, it } from 'vitest';
import { NcomposeError } from '../diagnostics.js';
import type { Project } from '../model/project.js';
import { parseYamlFile } from '../parser/parse-yaml.js';
import { SourceIndex } from '../parser/source-index.js';
import { plan } from './plan.js';
import { emptySnapshot } from '../engine/observe.js';

const TEXT = `services:
  web:
    image: app:1
    depends_on:
      api:
        condition: service_started
  api:
    image: api:1
    links:
      - worker
  worker:
    image: w:1
    network_mode: service:web
`;

function planText(text: string): NcomposeError {
  const parsed = parseYamlFile('/tmp/x/compose.yaml', text, 'compose.yaml');
  const sources = new SourceIndex();
  sources.add(parsed.source);
  const raw = parsed.value as unknown as { services: Project['services'] };
  const project = { name: 'p', services: raw.services } as Project;
  try {
    plan(project, emptySnapshot('p'), { locate: (path) => sources.locate(path) });
  } catch (e) {
    return e as NcomposeError;
  }
  throw new Error('no error');
}

describe('cycle diagnostics', () => {
  it('names the cycle and the position of each edge', () => {
    const err = planText(TEXT);
    expect(err.diagnostics).toHaveLength(1);
    const d = err.diagnostics[0];
    expect(d.code).toBe('dependency_cycle');
    expect(d.message).toContain('api → worker → web → api');
    expect(d.message).toContain('api → worker (links at compose.yaml:10:9)');
    expect(d.message).toContain('worker → web (network_mode at compose.yaml:13:19)');
    expect(d.message).toContain('web → api (depends_on at compose.yaml:6:9)');
    expect(d.range).toMatchObject({ file: 'compose.yaml', line: 10, col: 9 });
  });
});
