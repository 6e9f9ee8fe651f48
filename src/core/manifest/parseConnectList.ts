import { isHttpUrl } from '../http'

/** A registry reaching more services than this is asking for the whole network, which a list cannot show the user. */
export const MAX_CONNECT_ORIGINS = 20

/**
 * A manifest's `connect` list: the origins, beyond its own and its modules', that its plugins may load scripts
 * from and send requests to (shown in the consent prompt, enforced by the sandbox's CSP). Each item is an
 * http(s) origin; a trailing `/` is allowed, a path is not (a policy per path would only look finer).
 */
export function parseConnectList(value: unknown, problem: (path: string, message: string) => void): string[] {
  if (!Array.isArray(value)) {
    problem('connect', 'must be a list of http(s) origins')
    return []
  }
  if (value.length > MAX_CONNECT_ORIGINS) {
    problem('connect', `lists ${value.length} origins, more than the ${MAX_CONNECT_ORIGINS} a registry may list`)
    return []
  }
  const origins: string[] = []
  value.forEach((item, index) => {
    const origin = typeof item === 'string' ? originOnly(item) : undefined
    if (origin === undefined) problem(`connect[${index}]`, 'must be an http(s) origin like https://api.example.org')
    else if (!origins.includes(origin)) origins.push(origin)
  })
  return origins
}

function originOnly(text: string): string | undefined {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return undefined
  }
  const bare = url.pathname === '/' && !/[?#@]/.test(text)
  return isHttpUrl(url) && bare ? url.origin : undefined
}
