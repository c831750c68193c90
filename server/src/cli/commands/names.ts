/** The subcommands' names, without their code: the CLI's quick start must tell `agreement-lint ledger …` from a check. */
export const SUBCOMMAND_NAMES = ['export', 'annotate', 'report', 'ledger'] as const;

export type SubcommandName = (typeof SUBCOMMAND_NAMES)[number];
