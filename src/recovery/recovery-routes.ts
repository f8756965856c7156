import { combineRoutes } from '../platform/http/route-module.ts';
import { aftercareRoutes } from './aftercare/aftercare-routes.ts';
import { alertRoutes } from './alerts/alert-routes.ts';
import { assessmentRoutes } from './assessment/assessment-routes.ts';
import { facilityRoutes } from './facility/facility-routes.ts';
import { feedbackRoutes } from './feedback/feedback-routes.ts';
import { recoveryFhirRoutes } from './fhir/recovery-fhir-routes.ts';
import { messageRoutes } from './messages/message-routes.ts';
import { carePlanRoutes } from './plans/care-plan-routes.ts';
import { myRecoveryRoutes } from './portal/my-recovery-routes.ts';
import { recoverySummaryRoutes } from './recovery-summary-routes.ts';
import { checkInRoutes } from './reports/check-in-routes.ts';
import { reportRoutes } from './reports/report-routes.ts';
import { supporterRoutes } from './support/supporter-routes.ts';

/** Every route of treatment and recovery: plans and services, facility reports, check-ins, the §11 alerts. */
export const recoveryRoutes = combineRoutes('recovery', [
  assessmentRoutes,
  carePlanRoutes,
  reportRoutes,
  checkInRoutes,
  alertRoutes,
  aftercareRoutes,
  recoveryFhirRoutes,
  recoverySummaryRoutes,
  supporterRoutes,
  feedbackRoutes,
  facilityRoutes,
  myRecoveryRoutes,
  messageRoutes,
]);
