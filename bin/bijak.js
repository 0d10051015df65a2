#!/usr/bin/env node
// Entry point of the `bijak` command; the TypeScript sources are built to dist/ by `npm ci` (prepare).
import { main } from '../dist/src/cli/main.js';

const code = await main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });
process.exitCode = code;
