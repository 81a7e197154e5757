/** SARIF 2.1.0 (GitHub code scanning): rule metadata, results with regions and stable partialFingerprints. */
import type { Rule, RuleSeverity } from '../types.js';
import { UNUSED_DIRECTIVE_RULE } from '../directives.js';
import { fingerprints } from './fingerprint.js';
import type { FormatInput } from './types.js';

const LEVEL: Record<RuleSeverity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const INFO_URI = 'https://github.com/ncompose/ncompose';

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  helpUri: string;
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  properties: { category: string; tags: string[] };
}

export function formatSarif(input: FormatInput): string {
  const rules = sarifRules(input);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const prints = fingerprints(input.findings, input.texts);
  const results = input.findings.map((f, i) => ({
    ruleId: f.rule,
    ruleIndex: index.get(f.rule) ?? -1,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUri(f.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: f.line, startColumn: f.col, endLine: f.endLine, endColumn: f.endCol },
        },
      },
    ],
    partialFingerprints: { 'ncompose/v1': prints[i]! },
    ...(f.service !== undefined ? { properties: { service: f.service } } : {}),
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'ncompose', informationUri: INFO_URI, version: input.toolVersion, semanticVersion: input.toolVersion, rules } },
        columnKind: 'utf16CodeUnits',
        artifacts: input.files.map((f) => ({ location: { uri: toUri(f), uriBaseId: '%SRCROOT%' } })),
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function sarifRules(input: FormatInput): SarifRule[] {
  const list: SarifRule[] = input.rules.map(describe);
  if (input.findings.some((f) => f.rule === UNUSED_DIRECTIVE_RULE) && !list.some((r) => r.id === UNUSED_DIRECTIVE_RULE)) {
    list.push({
      id: UNUSED_DIRECTIVE_RULE,
      shortDescription: { text: 'An ncompose-disable directive that suppresses no problem' },
      helpUri: `${INFO_URI}/blob/main/docs/lint.md#inline-directives`,
      defaultConfiguration: { level: 'warning' },
      properties: { category: 'best-practice', tags: ['best-practice'] },
    });
  }
  return list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function describe(r: Rule): SarifRule {
  const tags = r.meta.category === 'security' ? ['security'] : [r.meta.category];
  return {
    id: r.name,
    shortDescription: { text: r.meta.docs.description },
    helpUri: `${INFO_URI}/blob/main/docs/rules/${r.name}.md`,
    defaultConfiguration: { level: LEVEL[r.meta.defaultSeverity] },
    properties: { category: r.meta.category, tags },
  };
}

/** A relative, forward-slash, percent-encoded URI reference (absolute paths become file: URIs). */
function toUri(file: string): string {
  const p = file.replace(/\\/g, '/');
  const enc = p.split('/').map(encodeURIComponent).join('/');
  return p.startsWith('/') ? 'file://' + enc : enc;
}
