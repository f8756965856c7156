import { useQuery } from '@tanstack/react-query';
import type { RuleCatalogResponse } from '../../../src/outreach/runs/rule-catalog-routes.ts';
import { apiFetch } from '../api/http.ts';
import type { CodeInfo } from './codes.ts';

export type CodeKind = 'riskFactors' | 'emergencies' | 'exclusions' | 'context';
export type RuleCodes = Record<CodeKind, Record<string, CodeInfo>>;

const none: RuleCodes = { riskFactors: {}, emergencies: {}, exclusions: {}, context: {} };

/**
 * The name and rule of every risk-engine code, as the server's rules (and the latest run's
 * configuration) state them: the screens never restate a threshold. Until the answer
 * arrives, or if it fails, badges show the code itself.
 */
export function useRuleCodes(): RuleCodes {
  const catalog = useQuery({
    queryKey: ['rules'],
    queryFn: () => apiFetch<RuleCatalogResponse>('/api/rules'),
    staleTime: 5 * 60_000,
  });
  return catalog.data ? toCodes(catalog.data) : none;
}

function toCodes(catalog: RuleCatalogResponse): RuleCodes {
  const table = (entries: RuleCatalogResponse['riskFactors']) =>
    Object.fromEntries(
      entries.map((e) => [e.code, { label: e.label, rule: e.rule, section: e.section, part2: e.part2 }]),
    );
  return {
    riskFactors: table(catalog.riskFactors),
    emergencies: table(catalog.emergencies),
    exclusions: table(catalog.exclusions),
    context: table(catalog.context),
  };
}
