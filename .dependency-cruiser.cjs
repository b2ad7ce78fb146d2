/**
 * The house's boundaries, checked by `npm run lint` (dependency-cruiser). Type-only imports count
 * (`tsPreCompilationDeps`): a type is structure too. docs/architecture.md explains the layers.
 */
const SHELLS = '^(entrypoints|components)/';
const PAGE_SIDE = '^entrypoints/(clip|clip-body|passages)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'Modules that import each other, type-only imports included.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'model-is-a-leaf',
      severity: 'error',
      comment: 'lib/model holds the record types and imports nothing of the project.',
      from: { path: '^lib/model/' },
      to: { path: '^(lib|components|entrypoints)/', pathNot: '^lib/model/' },
    },
    {
      name: 'lib-knows-no-shell',
      severity: 'error',
      comment: 'lib/ is used by the entrypoints and components, never the other way round.',
      from: { path: '^lib/' },
      to: { path: SHELLS },
    },
    {
      name: 'storage-through-the-collection',
      severity: 'error',
      comment:
        'Rows are read and written through lib/collection, which opens the transactions (lib/backup applies whole backups in its own).',
      from: { pathNot: '^lib/(db|collection|backup)/' },
      to: { path: '^lib/db/' },
    },
    {
      name: 'db-below-the-collection',
      severity: 'error',
      comment: 'lib/db reads and writes rows; it knows neither search nor what uses it.',
      from: { path: '^lib/db/' },
      to: { path: '^lib/(search|collection|backup|export|import|library)/' },
    },
    {
      name: 'search-below-the-collection',
      severity: 'error',
      comment: 'lib/search indexes and queries rows; it knows neither storage nor what uses it.',
      from: { path: '^lib/search/' },
      to: { path: '^lib/(db|collection|backup|export|import|library)/' },
    },
    {
      name: 'domain-below-storage',
      severity: 'error',
      comment:
        'Pure logic (extraction, tags, anchoring, settings, links) knows nothing of storage or features.',
      from: { path: '^lib/(extract|tags|anchoring|reader|settings|connections)/' },
      to: { path: '^lib/(db|search|collection|backup|import|export|library|cli|passages|clip)/' },
    },
    {
      name: 'collection-below-features',
      severity: 'error',
      comment:
        'The collection layer is used by backups, exports and pages, never the other way round.',
      from: { path: '^lib/collection/' },
      to: { path: '^lib/(backup|import|export|cli|passages|clip)/' },
    },
    {
      name: 'backup-below-import-and-export',
      severity: 'error',
      comment:
        "Other tools' files are read into partial backups (lib/import) and backups are exported, not the reverse.",
      from: { path: '^lib/backup/' },
      to: { path: '^lib/(import|export|library|cli)/' },
    },
    {
      name: 'components-take-props',
      severity: 'error',
      comment: 'Components render what they are given: no storage, no messaging, no browser API.',
      from: { path: '^components/' },
      to: {
        path: [
          '^lib/(collection|db|search)/',
          '^lib/messaging\\.ts$',
          '^node_modules/(dexie|wxt)/',
        ],
      },
    },
    {
      name: 'page-side-stays-small',
      severity: 'error',
      comment: 'Scripts injected into pages never reach storage or search (and stay small).',
      from: { path: PAGE_SIDE },
      to: {
        reachable: true,
        path: ['^lib/(collection|db|search|backup|import)/', '^node_modules/dexie/'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.output|\\.wxt|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.json'],
    },
  },
};
