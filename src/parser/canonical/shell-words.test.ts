import { describe, expect, it } from 'vitest';
import { ShellWordsError, splitShellWords } from './shell-words.js';

// go-shellwords (as compose-go calls it: no env, no backticks) on each input.
describe('splitShellWords', () => {
  it.each([
    ['plain words', 'echo hello world', ['echo', 'hello', 'world']],
    ['runs of blanks', '  a \t b\n c  ', ['a', 'b', 'c']],
    ['double quotes group', 'sh -c "echo a b"', ['sh', '-c', 'echo a b']],
    ['single quotes group', "sh -c 'echo $HOME'", ['sh', '-c', 'echo $HOME']],
    ['quotes glue to a word', 'a"b c"d', ['ab cd']],
    ['empty quotes are an argument', 'x "" y', ['x', '', 'y']],
    ['backslash escapes a blank', 'a\\ b c', ['a b', 'c']],
    ['backslash in double quotes escapes the next char', '"a\\"b"', ['a"b']],
    ['backslash kept in single quotes', "'a\\b'", ['a\\b']],
    ['operators end the command', 'echo a && echo b', ['echo', 'a']],
    ['a pipe ends it too', 'cat f | grep x', ['cat', 'f']],
    ['quoted operators are text', 'sh -c "a && b; c | d"', ['sh', '-c', 'a && b; c | d']],
    ['$( ) stays one word', 'echo $(date +%s) x', ['echo', '$(date +%s)', 'x']],
    ['backticks kept', 'echo `date`', ['echo', '`date`']],
    ['empty string', '', []],
  ])('%s', (_name, line, words) => {
    expect(splitShellWords(line)).toEqual(words);
  });

  it.each([['unterminated double quote', 'echo "a'], ["unterminated single quote", "echo 'a"], ['trailing backslash', 'echo a\\'], ['bare parenthesis', 'echo (a)']])(
    '%s is an error',
    (_name, line) => {
      expect(() => splitShellWords(line)).toThrow(ShellWordsError);
    },
  );
});
