/**
 * The layers: app → components → lib → db / emails, never back; no cycles between lib's domain folders.
 * `npm run lint:layers` checks them (in .ci/run), so a new back-arrow fails the build.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'components-not-app',
      severity: 'error',
      comment: 'components take their types from lib/, not from routes',
      from: { path: '^components/' },
      to: { path: '^app/' },
    },
    {
      name: 'lib-not-app-or-components',
      severity: 'error',
      comment: 'lib/ is below routes and components',
      from: { path: '^lib/' },
      to: { path: '^(app|components)/' },
    },
    {
      name: 'db-is-the-bottom',
      severity: 'error',
      comment: 'db/ (schema, migrations, opening a database) imports no layer above it; the demo seed lives in lib/demo/',
      from: { path: '^db/' },
      to: { path: '^(app|components|lib|emails)/' },
    },
    {
      name: 'emails-take-plain-props',
      severity: 'error',
      comment: 'mail templates render what they are given',
      from: { path: '^emails/' },
      to: { path: '^(app|components|lib|db)/' },
    },
    {
      name: 'no-domain-cycles',
      severity: 'error',
      comment: 'lib/ domain folders depend on each other in one direction',
      scope: 'folder',
      from: { path: '^lib/' },
      to: { circular: true },
    },
    { name: 'no-module-cycles', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.next|tests|bench|scripts)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
