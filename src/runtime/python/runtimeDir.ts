/** Where the playground serves the Python runtime (the `pyodide` package), relative to its page. */
export const PYTHON_RUNTIME_DIR = 'pyodide/'

/** The files of the `pyodide` package the runtime needs: the loader, the WebAssembly build and its standard library. */
export const PYTHON_RUNTIME_FILES = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json']
