/** A case: the member 360 beside the call. */
export function CasePage({ caseId }: { caseId: string }) {
  return <h1>Case {caseId}</h1>;
}
