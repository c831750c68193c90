declare const AGREEMENT_LINT_VERSION: string | undefined;

/** The program's version, set by the build (both CLI bundles); `0.0.0-dev` when run from compiled sources. */
export const VERSION = typeof AGREEMENT_LINT_VERSION === 'string' ? AGREEMENT_LINT_VERSION : '0.0.0-dev';
