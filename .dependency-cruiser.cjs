/**
 * The dependency gate (`npm run deps`, run by CI): no import cycles; the platform imports no
 * domain; production code imports no generator (`src/synth/`); another domain is imported
 * only through its `index.ts` (tests may reach into fixtures).
 */
const domains = 'claims|coverage|measures|outreach|prescribers|privacy|recovery|reference|risk|synth';
const testFiles = '(\\.test\\.tsx?$|/testing/|/e2e/)';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Modules import each other in a circle: move what both need to one place.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'platform-imports-no-domain',
      severity: 'error',
      comment: 'src/platform/ is shared ground: it knows no domain and not the composition layer.',
      from: { path: '^src/platform/', pathNot: testFiles },
      to: { path: [`^src/(${domains}|cli|testing)/`, '^src/[^/]+\\.ts$'] },
    },
    {
      name: 'no-generator-in-production',
      severity: 'error',
      comment: 'The synthetic population generator is for demos and tests; production code never imports it.',
      from: { path: '^src/', pathNot: [testFiles, '^src/synth/', '^src/cli/generate-command\\.ts$', '^src/demo\\.ts$', '^src/cli/demo-command\\.ts$'] },
      to: { path: '^src/synth/' },
    },
    {
      name: 'no-deep-imports-into-a-domain',
      severity: 'error',
      comment:
        'Import another domain through its index.ts, which says what it offers (or web-safe.ts: the part that also runs in the browser).',
      from: { path: '^src/([^/]+)/', pathNot: testFiles },
      to: {
        path: `^src/(${domains})/`,
        pathNot: [`^src/(${domains})/(index|web-safe)\\.ts$`, '^src/$1/'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(node_modules|dist)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
