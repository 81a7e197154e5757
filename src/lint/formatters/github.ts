/** GitHub Actions workflow commands: each finding becomes an annotation on the pull request. */
import type { FormatInput } from './types.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export function formatGithub(input: FormatInput): string {
  return input.findings
    .map((f) => {
      const props = [`file=${prop(f.file)}`, `line=${f.line}`, `col=${f.col}`, `endLine=${f.endLine}`, `endColumn=${f.endCol}`, `title=${prop(f.rule)}`];
      return `::${COMMAND[f.severity]} ${props.join(',')}::${data(f.message)}\n`;
    })
    .join('');
}

function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function prop(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
