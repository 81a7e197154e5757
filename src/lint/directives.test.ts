import { describe, expect, it } from 'vitest';
import { commentStart } from './directives.js';
import { lintText } from './testing.js';
import { privilegedRule, quoteImageRule } from './test-support/doubles.js';

const rules = [privilegedRule, quoteImageRule];
const svc = (name: string, extra = '') => `  ${name}:\n    image: x${extra}\n    privileged: true\n`;
/** [rule, line] of every finding. */
const lint = (yaml: string) => lintText(yaml, { rules }).map((f) => [f.rule, f.line]);

describe('inline directives', () => {
  it.each([
    ['none', `services:\n${svc('a')}`, [['test-quote-image', 3], ['test-privileged', 4]]],
    [
      'disable-next-line with rule and reason',
      `services:\n  a:\n    image: x\n    # ncompose-disable-next-line test-privileged -- needs raw sockets\n    privileged: true\n`,
      [['test-quote-image', 3]],
    ],
    ['disable-line (all rules)', `services:\n  a:\n    image: x # ncompose-disable-line\n    privileged: true\n`, [['test-privileged', 4]]],
    [
      'disable-line for another rule is unused',
      `services:\n  a:\n    image: x # ncompose-disable-line test-privileged\n    privileged: true\n`,
      [['test-quote-image', 3], ['unused-directive', 3], ['test-privileged', 4]],
    ],
    ['disable-file', `# ncompose-disable-file test-privileged\nservices:\n${svc('a')}${svc('b')}`, [['test-quote-image', 4], ['test-quote-image', 7]]],
    [
      'disable/enable block',
      `services:\n  # ncompose-disable test-privileged, test-quote-image\n${svc('a')}  # ncompose-enable\n${svc('b')}`,
      [['test-quote-image', 8], ['test-privileged', 9]],
    ],
    ['block left open runs to the end', `services:\n${svc('a')}  # ncompose-disable\n${svc('b')}`, [['test-quote-image', 3], ['test-privileged', 4]]],
    ['unused disable-next-line', `# ncompose-disable-next-line test-privileged\nservices:\n  a:\n    image: "x"\n`, [['unused-directive', 1]]],
    ['a # inside a quoted string is no directive', `services:\n  a:\n    image: "x # ncompose-disable-line"\n    privileged: true\n`, [['test-privileged', 4]]],
  ])('%s', (_name, yaml, expected) => {
    expect(lint(yaml)).toEqual(expected);
  });

  it('reports an unused directive at the comment, and not when turned off', () => {
    const yaml = `services:\n  a:\n    image: "x"   # ncompose-disable-line test-privileged\n`;
    const [f] = lintText(yaml, { rules });
    expect(f).toMatchObject({ rule: 'unused-directive', severity: 'warning', line: 3, col: 18, endLine: 3 });
    expect(lintText(yaml, { rules, unusedDirectives: 'off' })).toEqual([]);
  });

  it.each([
    ['image: x # c', 9],
    ["image: 'a#b' # c", 13],
    ['image: "a \\" # b" # c', 18],
    ['# only', 0],
    ['url: http://x/#frag', -1],
  ])('commentStart(%j) = %i', (line, at) => {
    expect(commentStart(line)).toBe(at);
  });
});
