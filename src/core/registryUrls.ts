export const DEFAULT_REGISTRY_PATH = 'registry.json'

export function defaultRegistryUrl(pageUrl: string): string {
  return new URL(DEFAULT_REGISTRY_PATH, pageUrl).href
}

/**
 * The registry manifests a page shows (spec §5): each `?registry=` parameter, resolved against the page,
 * in order and without repeats; the bundled registry when there is none.
 */
export function registryUrlsFromPage(pageUrl: string): string[] {
  const page = new URL(pageUrl)
  const urls: string[] = []
  for (const value of page.searchParams.getAll('registry')) {
    if (value.trim() === '') continue
    // A value that is not a URL is kept as written: loading it reports the problem next to the registries.
    const url = URL.canParse(value, page) ? new URL(value, page).href : value
    if (!urls.includes(url)) urls.push(url)
  }
  return urls.length > 0 ? urls : [defaultRegistryUrl(pageUrl)]
}

/** The page's URL with one more `?registry=` parameter, kept as typed (it is resolved when the page reads it). */
export function withRegistryAdded(pageUrl: string, registryUrl: string): string {
  const page = new URL(pageUrl)
  page.searchParams.append('registry', registryUrl.trim())
  return page.href
}

/** The page's URL without `?registry=` parameters: the page shows the bundled registry. */
export function withBundledRegistry(pageUrl: string): string {
  const page = new URL(pageUrl)
  page.searchParams.delete('registry')
  return page.href
}
