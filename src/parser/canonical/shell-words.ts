/**
 * Split a command string into words the way compose-go does (mattn/go-shellwords, no env or
 * backtick expansion): quotes group, `\` escapes, and an unquoted `;`, `&`, `|`, `<` or `>`
 * ends the command (compose keeps only what comes before it).
 */

export class ShellWordsError extends Error {}

interface State {
  args: string[];
  buf: string;
  got: boolean;
  escaped: boolean;
  single: boolean;
  double: boolean;
  back: boolean;
  dollar: boolean;
}

export function splitShellWords(line: string): string[] {
  const s: State = { args: [], buf: '', got: false, escaped: false, single: false, double: false, back: false, dollar: false };
  for (const ch of line) {
    if (step(s, ch) === 'stop') break;
  }
  if (s.got) s.args.push(s.buf);
  if (s.escaped || s.single || s.double || s.back || s.dollar) throw new ShellWordsError('invalid command line string');
  return s.args;
}

function step(s: State, ch: string): 'stop' | undefined {
  if (s.escaped) {
    s.buf += ch;
    s.escaped = false;
    s.got = true;
    return;
  }
  if (ch === '\\') {
    if (s.single) s.buf += ch;
    else s.escaped = true;
    return;
  }
  const quoted = s.single || s.double || s.back || s.dollar;
  if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
    if (quoted) s.buf += ch;
    else if (s.got) {
      s.args.push(s.buf);
      s.buf = '';
      s.got = false;
    }
    return;
  }
  if (special(s, ch) === 'skip') return;
  if (!quoted && ';&|<>'.includes(ch)) return 'stop';
  s.got = true;
  s.buf += ch;
}

/** Quotes, backticks and `$( )`: 'skip' when the character is consumed as syntax. */
function special(s: State, ch: string): 'skip' | undefined {
  switch (ch) {
    case '`':
      if (!s.single && !s.double && !s.dollar) s.back = !s.back;
      return;
    case '(':
      if (s.single || s.double || s.back) return;
      if (!s.buf.endsWith('$')) throw new ShellWordsError('invalid command line string');
      s.dollar = true;
      return;
    case ')':
      if (s.single || s.double || s.back) return;
      if (!s.dollar) throw new ShellWordsError('invalid command line string');
      s.dollar = false;
      return;
    case '"':
      if (s.single || s.dollar) return;
      if (s.double) s.got = true;
      s.double = !s.double;
      return 'skip';
    case "'":
      if (s.double || s.dollar) return;
      if (s.single) s.got = true;
      s.single = !s.single;
      return 'skip';
  }
  return;
}
