/** Rules that data alone cannot express, one small file each, in the order they run. */
import type { Check } from '../context';
import { checkApprovalRoute } from './approvalRoute';
import { checkDocType } from './docType';
import { checkForeignLaw } from './foreignLaw';
import { checkProtocolTerm } from './protocolTerm';

export const codedRules: Array<{ id: string; check: Check }> = [
  { id: 'clause/foreign-law', check: checkForeignLaw },
  { id: 'procedure/approval-route', check: checkApprovalRoute },
  { id: 'format/doc-type', check: checkDocType },
  { id: 'procedure/protocol-term', check: checkProtocolTerm },
];
