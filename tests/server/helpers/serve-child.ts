// Runs `bijak serve` from the TypeScript sources in a child process (used by the crash-safety test and the benchmark).
import { main } from '../../../src/cli/main.js';

const code = await main(['serve', ...process.argv.slice(2)], { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });
process.exit(code);
