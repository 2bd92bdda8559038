import { CliError, EXIT_OK, EXIT_USAGE, processIo, type CliIo } from './cli/cli-io';

const HELP = `Usage: routecraft COMMAND [options]

Routecraft designs HTTP APIs as plain OpenAPI documents and checks them the way your framework
will really behave.

Commands:
  routes FILE [--format text|json]   the route table in declaration order
  lint FILE [--profile P] [--format text|json] [--no-redocly]
                                     check the document as the framework behaves, plus Redocly's
                                     recommended rules (exit 1 on errors)
  probe FILE [--profile P] METHOD PATH ...
                                     which route answers each request, and why (no request is sent)
  mock FILE [--port N] [--host H] [--profile P] [--log text|json]
                                     serve the design as a live mock server (reloads on change)
  export FILE --openapi OUT [--version 3.0|3.1|3.2] [--format yaml|json] [--bundle]
         [--strip-extensions] [--as-framework] [--force]
                                     write the design as OpenAPI, linted before it is written
  stubs FILE --target fastapi|django-modern-rest|express --out DIR [--force]
                                     generate server stub code for the design

Run "routecraft COMMAND --help" for a command's options.
`;

type Command = (args: string[], io: CliIo) => Promise<number>;

// Loaded on use: `routecraft mock` should not pay for Redocly, the code generators or the exporter.
const commands: Record<string, () => Promise<Command>> = {
  routes: async () => (await import('./cli/routes-command')).routesCommand,
  lint: async () => (await import('./cli/lint-command')).lintCommand,
  probe: async () => (await import('./cli/probe-command')).probeCommand,
  mock: async () => (await import('./cli/mock-command')).mockCommand,
  export: async () => (await import('./cli/export-command')).exportCommand,
  stubs: async () => (await import('./cli/stubs-command')).stubsCommand,
};

/** Runs the CLI and returns its exit code; never throws for bad input. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return name ? EXIT_OK : EXIT_USAGE;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${VERSION}\n`);
    return EXIT_OK;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    io.err(`routecraft: unknown command "${name}"\n\n${HELP}`);
    return EXIT_USAGE;
  }
  try {
    const command = await load();
    return await command(args, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`routecraft: ${e.message}\n`);
      return e.exitCode;
    }
    if (e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`routecraft: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

declare const __ROUTECRAFT_VERSION__: string | undefined;
const VERSION = typeof __ROUTECRAFT_VERSION__ === 'string' ? __ROUTECRAFT_VERSION__ : 'dev';

export { HELP };
