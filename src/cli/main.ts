/**
 * The `netquest` command line. Returns the exit code: 0 success, 1 failure, 2 usage error
 * (an unknown command or flag), as in most Unix tools.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;
import pkg from '../../package.json';
import { USAGE } from './usage';

// Each command is loaded when it runs: the game's first frame should not wait for the
// compilation of the level checker, the TCP playground and the rest.
const game = () => import('./game-command');
const levels = () => import('./levels-commands');

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

export class UsageError extends Error {}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof UsageError || isParseArgsError(e)) {
      io.err(`netquest: ${(e as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

function isParseArgsError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
      return (await game()).runGame([], io);
    case '--lang':
      return (await game()).runGame(argv, io);
    case '-h':
    case '--help':
    case 'help':
      onlyNoArgs(command, rest);
      io.out(USAGE);
      return 0;
    case '-V':
    case '--version':
      onlyNoArgs(command, rest);
      io.out(`${pkg.version}\n`);
      return 0;
    case 'subnet':
      return (await import('./subnet-command')).runSubnet(rest, io);
    case 'demo':
      return (await import('./demo-command')).runDemo(rest, io);
    case 'tcp':
      return (await import('./tcp-command')).runTcp(rest, io);
    case 'check':
      return (await levels()).runCheck(rest, io);
    case 'play':
      return (await levels()).runPlay(rest, io);
    case 'capture':
      return (await levels()).runCapture(rest, io);
    case 'new':
      return (await levels()).runNew(rest, io);
    case 'progress':
      return (await import('./progress-command')).runProgress(rest, io);
    case 'practice':
      return (await import('./practice-command')).runPractice(rest, io);
    case 'sandbox':
      return (await import('./sandbox-command')).runSandbox(rest, io);
    default:
      if (command.startsWith('-')) throw new UsageError(`unknown option '${command}'`);
      throw new UsageError(`unknown command '${command}'`);
  }
}

function onlyNoArgs(command: string, rest: readonly string[]): void {
  if (rest.length > 0) throw new UsageError(`'${command}' takes no arguments (got '${rest[0]}')`);
}

/** Shared by the subcommands: strict flags, so a typo is a usage error, not silently ignored. */
export function parseCommand<T extends ParseArgsOptionsConfig>(args: readonly string[], options: T) {
  return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
}
