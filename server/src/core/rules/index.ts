/** Rules that data alone cannot express, one small file each, in the order they run. */
import type { Check } from '../context';
import { checkApprovalRoute } from './approvalRoute';
import { checkArchive } from './archive';
import { checkCollectiveDiscussion } from './collectiveDiscussion';
import { checkConsultation } from './consultation';
import { checkCounterpartyAssessment } from './counterpartyAssessment';
import { checkDocType } from './docType';
import { checkExpertReview } from './expertReview';
import { checkForeignLaw } from './foreignLaw';
import { checkLandInvestment } from './landInvestment';
import { checkLeadUnit } from './leadUnit';
import { checkLegalityReview } from './legalityReview';
import { checkLegalReview } from './legalReview';
import { checkPartyCommitteeReport } from './partyCommitteeReport';
import { checkProfessionalAdvice } from './professionalAdvice';
import { checkProtocolTerm } from './protocolTerm';
import { checkProjectAssessment } from './projectAssessment';
import { checkPublicParticipation } from './publicParticipation';
import { checkRiskAssessment } from './riskAssessment';
import { checkSealDate } from './sealDate';
import { checkSealInstruction } from './sealInstruction';
import { checkSignatory } from './signatory';
import { checkTranslation } from './translation';
import { checkTshApproval } from './tshApproval';

export const codedRules: Array<{ id: string; check: Check }> = [
  { id: 'clause/foreign-law', check: checkForeignLaw },
  { id: 'clause/land-investment', check: checkLandInvestment },
  { id: 'procedure/counterparty-assessment', check: checkCounterpartyAssessment },
  { id: 'procedure/project-assessment', check: checkProjectAssessment },
  { id: 'procedure/risk-assessment', check: checkRiskAssessment },
  { id: 'procedure/consultation', check: checkConsultation },
  { id: 'procedure/expert-review', check: checkExpertReview },
  { id: 'procedure/legal-review', check: checkLegalReview },
  { id: 'procedure/legality-review', check: checkLegalityReview },
  { id: 'procedure/public-participation', check: checkPublicParticipation },
  { id: 'procedure/collective-discussion', check: checkCollectiveDiscussion },
  { id: 'procedure/professional-advice', check: checkProfessionalAdvice },
  { id: 'procedure/approval-route', check: checkApprovalRoute },
  { id: 'procedure/party-committee-report', check: checkPartyCommitteeReport },
  { id: 'procedure/approval-route', check: checkTshApproval },
  { id: 'procedure/lead-unit', check: checkLeadUnit },
  { id: 'procedure/signatory', check: checkSignatory },
  { id: 'procedure/seal-date', check: checkSealDate },
  { id: 'procedure/seal-instruction', check: checkSealInstruction },
  { id: 'procedure/translation', check: checkTranslation },
  { id: 'procedure/archive', check: checkArchive },
  { id: 'format/doc-type', check: checkDocType },
  { id: 'procedure/protocol-term', check: checkProtocolTerm },
];
