/**
 * The house's dependency rules, checked by `npm run lint` (scripts/check-architecture.mjs runs
 * them and also refuses folder-level cycles, which dependency-cruiser's own `circular` sees only
 * between modules). Why each rule exists: docs/ARCHITECTURE.md.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-imports-only-shared',
      comment:
        'src/main/domain holds the pure decisions: it imports src/shared and itself, nothing ' +
        'else (no services, no store, no Node I/O, no packages), so each decision is testable ' +
        'on its own and speaks the shared language.',
      severity: 'error',
      from: { path: '^src/main/domain/' },
      to: { pathNot: ['^src/shared/', '^src/main/domain/'] },
    },
    {
      name: 'shared-stays-shared',
      comment:
        'src/shared is what main, preload, the renderer and the API all import: it imports ' +
        'nothing outside itself (no Node, no Electron, no main code).',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/', pathNot: '^src/shared/' },
    },
    {
      name: 'store-not-orchestration',
      comment:
        'The store keeps data; check-in, calling, the HIS hand-off and evidence use it. The ' +
        'store importing them would make a cycle and tie storage to workflow.',
      severity: 'error',
      from: { path: '^src/main/store/' },
      to: { path: '^src/main/(checkin|calling|his|evidence)/' },
    },
    {
      name: 'protocol-not-transport',
      comment:
        'The chip protocol (ICAO 9303 over any CardChannel) knows neither PC/SC nor the ' +
        'simulator: both are channels handed to it.',
      severity: 'error',
      from: { path: '^src/main/card/protocol/' },
      to: { path: ['^src/main/card/pcsc/', '^src/sim/'] },
    },
    {
      name: 'src-not-tests',
      comment: 'Product code never imports test doubles or fixtures (tests/).',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^tests/' },
    },
    {
      name: 'main-not-sim',
      comment:
        'Simulators (src/sim) are chosen by configuration in the composition root ' +
        '(composition-root.ts) and the insurance wiring beside it (open-insurance.ts) only; the rest ' +
        'of src/main never imports them. Types flow the other way: src/main declares ports.',
      severity: 'error',
      from: {
        path: '^src/main/',
        pathNot: ['^src/main/composition-root\\.ts$', '^src/main/open-insurance\\.ts$'],
      },
      to: { path: '^src/sim/' },
    },
    {
      name: 'sim-loaded-lazily',
      comment:
        'Where src/main chooses a simulator it loads it with a dynamic import, so the ' +
        "production bundle's main chunk holds no simulator code (scripts/check-main-bundle.mjs).",
      severity: 'error',
      from: { path: '^src/main/' },
      to: { path: '^src/sim/', dependencyTypesNot: ['dynamic-import', 'type-only'] },
    },
    {
      name: 'renderer-not-main',
      comment: 'The renderer reaches main only through window.kiosk (preload).',
      severity: 'error',
      from: { path: '^src/renderer/' },
      to: { path: ['^src/main/', '^src/sim/', '^src/preload/', '^src/cli/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^out/', '^node_modules/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
