// Runs `bijak serve` from the TypeScript sources (BIJAK_E2E_FROM_SOURCE=1), for a tree whose dist/ is stale.
import { main } from '../../src/cli/main.ts';

process.exitCode = await main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env } as never);
