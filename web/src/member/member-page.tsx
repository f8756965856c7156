/** Member 360. */
export function MemberPage({ memberId }: { memberId: string }) {
  return <h1>Member {memberId}</h1>;
}
