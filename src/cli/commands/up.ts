import { defineCommand } from '../command.js';
import { progressOptions } from './progress-options.js';

export const upCommand = defineCommand({
  command: 'up [services..]',
  describe: 'Create and start containers: plan, then apply the plan',
  builder: (y) =>
    progressOptions(y)
      .option('detach', { alias: 'd', type: 'boolean', describe: 'Run in the background and return' })
      .option('wait', { type: 'boolean', describe: 'Wait until containers are running/healthy (implies -d)' })
      .option('wait-timeout', { type: 'number', requiresArg: true, describe: 'Seconds to wait with --wait' })
      .option('force-recreate', { type: 'boolean', describe: 'Recreate containers even if nothing changed' })
      .option('no-recreate', { type: 'boolean', describe: 'Never recreate existing containers' })
      .option('recreate', { type: 'boolean', hidden: true })
      .option('remove-orphans', { type: 'boolean', describe: 'Remove containers of services not in the project' })
      .option('scale', { type: 'string', array: true, requiresArg: true, describe: 'Replicas of a service: SERVICE=N' })
      .option('no-deps', { type: 'boolean', describe: 'Do not start the dependencies of the named services' })
      .option('deps', { type: 'boolean', hidden: true })
      .option('pull', { type: 'string', choices: ['always', 'missing', 'never', 'build'], describe: 'Pull images before running' })
      .option('build', { type: 'boolean', describe: 'Build images before starting containers' })
      .option('no-start', { type: 'boolean', describe: 'Create containers without starting them' })
      .option('start', { type: 'boolean', hidden: true })
      .option('timeout', { alias: 't', type: 'number', requiresArg: true, describe: 'Seconds to wait for a stop before killing' })
      .option('parallel', { type: 'number', requiresArg: true, describe: 'Max engine operations at once (default: unlimited)' })
      .option('renew-anon-volumes', { alias: 'V', type: 'boolean', describe: 'Recreate anonymous volumes instead of reusing them' })
      .option('abort-on-container-exit', { type: 'boolean', describe: 'Stop all containers when one exits (foreground)' })
      .option('exit-code-from', { type: 'string', requiresArg: true, describe: "Return this service's exit code (implies --abort-on-container-exit)" })
      .option('attach', { type: 'string', array: true, requiresArg: true, describe: 'Only show the logs of these services (foreground)' })
      .option('log-prefix', { type: 'boolean', default: true, describe: 'Prefix log lines with the container (--no-log-prefix: do not)' })
      .option('rollback', { type: 'boolean', default: true, describe: 'Restore the previous containers if the up fails (--no-rollback: do not)' })
      .option('strategy', { type: 'string', choices: ['rolling', 'stop-first'], describe: 'Update order for every service (default: each deploy.update_config.order)' })
      .option('lock-timeout', { type: 'number', requiresArg: true, describe: 'Seconds to wait for another command holding the project lock (default 180)' })
      .option('plan', { type: 'string', requiresArg: true, describe: 'Apply a plan saved by `ncompose plan -o` (refused if the engine changed since)' }),
  load: () => import('../../commands/up.js'),
});
