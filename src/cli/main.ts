/**
 * The `netquest` command line. Returns the exit code: 0 success, 1 failure, 2 usage error
 * (an unknown command or flag), as in most Unix tools.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;
import pkg from '../../package.json';
import { USAGE } from './usage';
import { runSubnet } from './subnet-command';
import { runDemo } from './demo-command';
import { runTcp } from './tcp-command';
import { runGame } from './game-command';
import { runProgress } from './progress-command';
import { runPractice } from './practice-command';
import { runCapture, runCheck, runNew, runPlay } from './levels-commands';
import { runSandbox } from './sandbox-command';

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
      return runGame([], io);
    case '--lang':
      return runGame(argv, io);
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
      return runSubnet(rest, io);
    case 'demo':
      return runDemo(rest, io);
    case 'tcp':
      return runTcp(rest, io);
    case 'check':
      return runCheck(rest, io);
    case 'play':
      return runPlay(rest, io);
    case 'capture':
      return runCapture(rest, io);
    case 'new':
      return runNew(rest, io);
    case 'progress':
      return runProgress(rest, io);
    case 'practice':
      return runPractice(rest, io);
    case 'sandbox':
      return runSandbox(rest, io);
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
