import { defineCommand } from '../command.js';

export const configCommand = defineCommand({
  command: 'config [service..]',
  describe: 'Parse, resolve and render the compose file in canonical form',
  builder: (y) =>
    y
      .positional('service', { type: 'string', array: true, describe: 'Only these services (and their dependencies)' })
      .option('format', { type: 'string', choices: ['yaml', 'json'], default: 'yaml', describe: 'Output format' })
      .option('quiet', { alias: 'q', type: 'boolean', describe: 'Only validate the configuration, print nothing' })
      .option('services', { type: 'boolean', describe: 'Print the service names, one per line' })
      .option('volumes', { type: 'boolean', describe: 'Print the volume names, one per line' })
      .option('networks', { type: 'boolean', describe: 'Print the network names, one per line' })
      .option('images', { type: 'boolean', describe: 'Print the image names, one per line' })
      .option('profiles', { type: 'boolean', describe: 'Print the profile names, one per line' })
      .option('hash', { type: 'string', describe: "Print the config hash of services ('*' for all)" })
      .option('interpolate', { type: 'boolean', default: true, describe: 'Interpolate environment variables (--no-interpolate: keep ${VAR} as written)' })
      .option('path-resolution', { type: 'boolean', default: true, describe: 'Resolve relative paths (--no-path-resolution: keep them as written)' })
      .option('output', { alias: 'o', type: 'string', describe: 'Save to this file instead of stdout' }),
  load: () => import('../../commands/config.js'),
});
