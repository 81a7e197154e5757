import { defineCommand } from '../command.js';

export const lintCommand = defineCommand({
  command: 'lint [paths..]',
  describe: 'Lint compose files (default: the project\'s compose files; a directory is searched for compose files)',
  builder: (y) =>
    y
      .positional('paths', { type: 'string', array: true, describe: 'Compose files or directories to lint' })
      .option('format', {
        type: 'string',
        choices: ['stylish', 'compact', 'json', 'sarif', 'github', 'junit', 'codeclimate'],
        default: 'stylish',
        describe: 'Output format',
      })
      .option('output', { alias: 'o', type: 'string', requiresArg: true, describe: 'Write the report to this file instead of stdout' })
      .option('fix', { type: 'boolean', describe: 'Apply the fixes of fixable findings to the files' })
      .option('fix-dry-run', { type: 'boolean', describe: 'Print the fixes as a unified diff; change no file' })
      .option('max-warnings', { type: 'number', requiresArg: true, describe: 'Fail when there are more warnings than this' })
      .option('fail-on', { type: 'string', choices: ['error', 'warning'], default: 'error', describe: 'Lowest severity that fails the run' })
      .option('rule', { type: 'string', array: true, requiresArg: true, describe: 'Set a rule level, e.g. --rule no-privileged:off (repeatable)' })
      .option('config', { type: 'string', requiresArg: true, describe: 'Lint config file (default: ncompose.config.{yaml,json} or "ncompose" in package.json, searched upward)' })
      .option('print-config', { type: 'boolean', describe: 'Print the resolved lint configuration and exit' })
      .option('explain', { type: 'string', requiresArg: true, describe: 'Print the documentation of a rule and exit' }),
  load: () => import('../../commands/lint.js'),
});
