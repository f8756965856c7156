import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import type { NoticeAddressee } from './lock-in-notice-pdf.ts';

/** The member's name and mailing address from the warehouse, for a notice. */
export async function readMemberMailing(warehouse: Warehouse, memberId: string): Promise<NoticeAddressee> {
  const [row] = await warehouse.all<{
    first_name: string | null;
    last_name: string | null;
    address_line: string | null;
    city: string | null;
    state: string | null;
    zip: string | null;
  }>('select first_name, last_name, address_line, city, state, zip from member where member_id = $1', [
    memberId,
  ]);
  const name = [row?.first_name, row?.last_name].filter(Boolean).join(' ') || 'Member';
  const cityLine = [row?.city, [row?.state, row?.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return { name, addressLines: [row?.address_line ?? '', cityLine].filter((l) => l !== '') };
}

/** Provider names by NPI for the NPIs asked for. */
export async function readNamesOf(
  warehouse: Warehouse,
  npis: ReadonlyArray<string | null>,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const npi of npis) {
    if (!npi) continue;
    const [row] = await warehouse.all<{ name: string | null }>('select name from provider where npi = $1', [
      npi,
    ]);
    if (row?.name) out.set(npi, row.name);
  }
  return out;
}
