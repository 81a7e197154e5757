/** pull and build. */
import { defineCommand } from '../command.js';
import { progressOptions } from './progress-options.js';

export const pullCommand = defineCommand({
  command: 'pull [services..]',
  describe: 'Pull service images',
  builder: (y) =>
    progressOptions(y)
      .option('ignore-buildable', { type: 'boolean', describe: 'Skip services that have a build section' })
      .option('ignore-pull-failures', { type: 'boolean', describe: 'Pull what it can; failures do not fail the command' }),
  load: () => import('../../commands/pull.js'),
});

export const buildCommand = defineCommand({
  command: 'build [services..]',
  describe: 'Build service images through the Engine API (context honours .dockerignore)',
  builder: (y) =>
    progressOptions(y)
      .option('cache', { type: 'boolean', describe: 'Use the build cache (--no-cache: do not)' })
      .option('pull', { type: 'boolean', describe: 'Always pull newer base images' })
      .option('build-arg', { type: 'string', array: true, requiresArg: true, describe: 'KEY=VALUE build arguments' }),
  load: () => import('../../commands/build.js'),
});
