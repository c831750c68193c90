/**
 * Subcommands of agreement-lint (`agreement-lint <name> …`). Each lives in a file of its
 * own beside this one and takes the arguments after its name; checking files stays the
 * default when the first argument names no subcommand.
 */
import type { Io } from '../io';
import { ledgerCommand } from './ledger';

export interface Subcommand {
  /** One line for `agreement-lint --help`. */
  summary: string;
  run(argv: string[], io: Io): Promise<number>;
}

export const SUBCOMMANDS: Record<string, () => Subcommand> = {
  ledger: ledgerCommand,
};
