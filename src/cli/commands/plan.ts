import { defineCommand } from '../command.js';

export const planCommand = defineCommand({
  command: 'plan [services..]',
  describe: 'Show what up would create, recreate and remove, without changing anything',
  builder: (y) =>
    y
      .option('format', { type: 'string', choices: ['text', 'json'], default: 'text', describe: 'Output format (json: masked, without the model)' })
      .option('output', { alias: 'o', type: 'string', requiresArg: true, describe: 'Save the complete plan as JSON (for up --plan)' })
      .option('detailed-exitcode', { type: 'boolean', describe: 'Exit 0 with no changes, 1 on error, 2 with changes pending' })
      .option('offline', { type: 'boolean', describe: 'Plan against an empty engine, without connecting' })
      .option('force-recreate', { type: 'boolean', describe: 'Recreate containers even if nothing changed' })
      .option('no-recreate', { type: 'boolean', describe: 'Never recreate existing containers' })
      .option('no-deps', { type: 'boolean', describe: 'Do not include the dependencies of the named services' })
      // yargs reads `--no-x` as `x: false`: declare the positive forms so strict mode accepts them.
      .option('recreate', { type: 'boolean', hidden: true })
      .option('deps', { type: 'boolean', hidden: true })
      .option('remove-orphans', { type: 'boolean', describe: 'Remove containers of services not in the project' })
      .option('scale', { type: 'string', array: true, requiresArg: true, describe: 'Replicas of a service: SERVICE=N' })
      .option('pull', { type: 'string', choices: ['always', 'missing', 'never', 'build'], describe: 'Pull images before running' })
      .option('build', { type: 'boolean', describe: 'Build images before starting containers' })
      .option('strategy', { type: 'string', choices: ['rolling', 'stop-first'], describe: 'Update order for every service, as up --strategy' })
      .option('show-unchanged', { type: 'boolean', describe: 'Also list containers that stay as they are' }),
  load: () => import('../../commands/plan.js'),
});
