/** Supervisors: caseloads, past-service-level cases, the day's outcomes. */
export function SupervisorPage() {
  return <h1>Caseloads</h1>;
}
