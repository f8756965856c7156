import type { Row, Warehouse } from '../../platform/warehouse/warehouse.ts';

/**
 * The warehouse's claims content in a canonical order, leaving out what records *when* a
 * row arrived (batch ids, arrival-order version numbers): two loads of the same data in
 * different orders compare equal exactly when they hold the same claims. For tests and checks.
 */
export async function snapshotWarehouse(warehouse: Warehouse): Promise<Record<string, Row[]>> {
  const queries: Record<string, string> = {
    member: 'select * exclude (batch_id) from member order by all',
    enrollment: 'select * exclude (batch_id) from enrollment order by all',
    provider: 'select * exclude (batch_id) from provider order by all',
    medical_claim: 'select * exclude (batch_id, version) from medical_claim order by all',
    medical_claim_line: `select c.content_hash, l.* exclude (version) from medical_claim_line l
      join medical_claim c using (claim_id, version) order by all`,
    medical_claim_dx: `select c.content_hash, d.* exclude (version) from medical_claim_dx d
      join medical_claim c using (claim_id, version) order by all`,
    pharmacy_claim: 'select * exclude (batch_id, version) from pharmacy_claim order by all',
    claim_label: 'select * from claim_label order by all',
  };
  const snapshot: Record<string, Row[]> = {};
  for (const [table, sql] of Object.entries(queries)) snapshot[table] = await warehouse.all(sql);
  return snapshot;
}
