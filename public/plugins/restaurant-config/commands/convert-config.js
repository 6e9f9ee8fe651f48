import { canonicalOrder } from '../lib/canonical-order.js'
import { command, CommandError } from '../lib/command-error.js'
import { readConfigFile } from '../lib/config-file.js'
import { serializeConfig } from '../lib/serialize.js'
import { formatSetting, requiredPath } from '../lib/settings.js'

/** convert_config({input_path, output_path, format?}) → {output_path, format}. Comments are not carried over. */
export const convertConfig = command(async (kwargs, ctx) => {
  const inputPath = requiredPath(kwargs, 'input_path')
  const outputPath = requiredPath(kwargs, 'output_path')
  const { format, source } = formatSetting(kwargs, ctx.config)
  refuseContradictingExtension(outputPath, format, source)
  const file = await readConfigFile(ctx.fs, inputPath)
  const text = serializeConfig(canonicalOrder(file.data), format)
  try {
    await ctx.fs.writeText(outputPath, text)
  } catch (error) {
    throw new CommandError(`Cannot write ${outputPath}: ${error?.message ?? error}`)
  }
  ctx.log(`converted ${inputPath} (${file.format}) to ${outputPath} (${format})`)
  return { status: 'success', output_path: outputPath, format }
})

const FORMAT_ORIGINS = { argument: 'format is', config: 'config default_format is', default: 'the format defaults to' }

/** Writing YAML into a .json file (or the reverse) is always a mistake, so it is refused. */
function refuseContradictingExtension(outputPath, format, source) {
  const extension = /\.(json|ya?ml)$/i.exec(outputPath)?.[1].toLowerCase()
  const pathFormat = extension === 'json' ? 'json' : extension && 'yaml'
  if (!pathFormat || pathFormat === format) return
  throw new CommandError(
    `output_path ${outputPath} names a ${pathFormat.toUpperCase()} file but ${FORMAT_ORIGINS[source]} ${format}; ` +
      `pass format: ${pathFormat} or choose a .${format} path`,
  )
}
