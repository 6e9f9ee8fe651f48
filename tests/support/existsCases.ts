/** The files behind {@link EXISTS_CASES}: neighbours that sort right next to the `doe` and `log` folders. */
export const EXISTS_FILES = ['doe/cases.csv', 'doe/runs/1.csv', 'doe.txt', 'doe-x.csv', 'doe0.csv', 'log-1.txt', 'log.txt', 'log0']

/** `ctx.fs.exists(path)` over {@link EXISTS_FILES}, for every workspace: [case, path, expected]. */
export const EXISTS_CASES: Array<[string, string, boolean]> = [
  ['a file', 'doe/cases.csv', true],
  ['a folder, as Python’s os.path.exists', 'doe', true],
  ['a folder written with a slash', 'doe/', true],
  ['a folder of a folder', 'doe/runs', true],
  ['the root', '', true],
  ['the root as .', '.', true],
  ['a missing file', 'doe/missing.csv', false],
  ['a missing folder', 'nothing', false],
  ['a prefix of a name that is not a folder', 'do', false],
  ['a folder-like prefix of a file name', 'doe/cases', false],
  ['a sibling that sorts next to the folder', 'doe-x', false],
  ['a name that sorts right after the folder', 'doe0', false],
  ['a folder of which only neighbours exist', 'log', false],
]
