// Paths into a configuration as segment lists (['menu', 'items', 3, 'price']) and as text (menu.items[3].price).

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/

export function formatPath(segments) {
  let text = ''
  for (const segment of segments) {
    if (typeof segment === 'number') text += `[${segment}]`
    else if (PLAIN_KEY.test(segment)) text += text ? `.${segment}` : segment
    else text += `[${JSON.stringify(segment)}]`
  }
  return text
}
