import { runCli } from './cli';

// The `routecraft` binary: bin/routecraft.mjs loads the build of this file.

// A reader that stops early (`routecraft routes api.yaml | head`) closes the pipe: the rest of the
// output has nowhere to go, which is what the user asked for, not a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
});
runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`routecraft: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
