import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ResolvedCitation } from '../core';

/** A link for a citation: its public address when known, else the shipped full text. */
export function provisionLink(citation: ResolvedCitation, regulationsDir: string): string | undefined {
  if (citation.url) return citation.url;
  if (citation.file) return pathToFileURL(path.join(regulationsDir, citation.file)).toString();
  return undefined;
}
