// The Python exception types whose kind changes what 0.1.0 does next (FAIL vs TIMEOUT,
// "skip this threshold", "ignore a broken cache entry"). `message` is Python's str(exception).

export class PyValueError extends Error {
  get name() {
    return 'ValueError'
  }
}

export class PyTypeError extends Error {
  get name() {
    return 'TypeError'
  }
}

export class PyAttributeError extends Error {
  get name() {
    return 'AttributeError'
  }
}

export class PyRuntimeError extends Error {
  get name() {
    return 'RuntimeError'
  }
}

export class PyTimeoutError extends Error {
  get name() {
    return 'TimeoutError'
  }
}

/** `FileNotFoundError`: its str() carries the errno prefix. */
export class PyFileNotFoundError extends Error {
  get name() {
    return 'FileNotFoundError'
  }
}

/** `json.JSONDecodeError`, a ValueError subclass as in Python. */
export class JsonDecodeError extends PyValueError {
  get name() {
    return 'JSONDecodeError'
  }
}

/** `_csv.Error` */
export class CsvError extends Error {
  get name() {
    return 'Error'
  }
}
