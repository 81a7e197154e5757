#!/usr/bin/env node
// The only job of bin/: run the compiled CLI and set the exit code.
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
