/**
 * What `e2e/fixtures/corpus/isolation-probe.js` reports, as its description, from a sandbox that holds: an opaque
 * origin, and every way into the app's storage, document and files blocked.
 */
export const CONTAINED_PROBE_FINDINGS = {
  origin: 'null',
  localStorage: 'blocked (TypeError)',
  sessionStorage: 'blocked (TypeError)',
  indexedDB: 'blocked (SecurityError)',
  caches: 'blocked (SecurityError)',
  document: 'blocked (TypeError)',
  parent: 'blocked (TypeError)',
  appPage: 'blocked (TypeError)',
  appFile: 'blocked (TypeError)',
}
