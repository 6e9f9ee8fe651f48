// DOE Runner 0.1.0 for the Strataregula Playground: cases.csv → metrics.csv batch runs,
// reproducing the Python release's outputs and quirks. See README.md.
import { COMMAND_HELP } from './help.js'

// The runner's modules are imported by the first command that needs them, not with the plugin: listing
// it (get_info) then loads two files instead of thirty-nine.

const EXIT_MEANINGS = {
  0: 'All cases executed successfully, thresholds met',
  2: 'Execution completed but threshold violations detected',
  3: 'I/O error, invalid configuration, or execution failure',
}

function requireCasesPath(command, kwargs) {
  if (!Object.hasOwn(kwargs, 'cases_path')) {
    throw new TypeError(`DOERunnerPlugin.${command}() missing 1 required positional argument: 'cases_path'`)
  }
}

export class DOERunnerPlugin {
  get_info() {
    return {
      name: 'doe_runner',
      version: '0.1.0',
      description: 'Batch experiment orchestrator for cases.csv → metrics.csv pipeline',
      author: 'Strataregula Team',
      supported_commands: ['execute_cases', 'validate_cases', 'get_cache_status', 'clear_cache', 'get_adapters'],
      supported_backends: ['shell', 'dummy', 'simroute'],
      exit_codes: {
        0: 'All cases executed successfully',
        2: 'Threshold violations detected',
        3: 'Execution or configuration error',
      },
      commands: COMMAND_HELP,
    }
  }

  /** execute_cases(cases_path, metrics_path="metrics.csv", **options) */
  /** @param {Record<string, unknown>} kwargs @param {import('../../types/strataregula-plugin').PluginContext} ctx */
  async execute_cases(kwargs = {}, ctx) {
    requireCasesPath('execute_cases', kwargs)
    const [{ isTruthy }, { optionTypeName }, { runCases }] = await Promise.all([
      import('./python/operators.js'),
      import('./runner/options.js'),
      import('./runner/runner.js'),
    ])
    const { cases_path: casesPath, metrics_path: metricsPath = 'metrics.csv', ...options } = kwargs
    const config = ctx.config ?? {}
    const runLogDir = options.run_log_dir ?? 'docs/run'
    if (typeof runLogDir !== 'string') {
      const message = `expected str, bytes or os.PathLike object, not ${optionTypeName(runLogDir)}`
      return { status: 'error', exit_code: 3, message }
    }
    const { exitCode, stats } = await runCases(
      {
        casesPath,
        metricsPath,
        runLogDir,
        maxWorkers: options.max_workers ?? config.default_workers ?? 1,
        failFast: isTruthy(options.fail_fast),
        force: isTruthy(options.force) || config.cache_enabled === false,
        dryRun: isTruthy(options.dry_run),
        verbose: isTruthy(options.verbose),
      },
      ctx,
    )
    return {
      status: 'success',
      exit_code: exitCode,
      exit_meaning: EXIT_MEANINGS[exitCode] ?? `Unknown exit code: ${exitCode}`,
      cases_path: casesPath,
      metrics_path: metricsPath,
      stats,
    }
  }

  /** validate_cases(cases_path): the validator's messages without running anything. */
  /** @param {Record<string, unknown>} kwargs @param {import('../../types/strataregula-plugin').PluginContext} ctx */
  async validate_cases(kwargs = {}, ctx) {
    requireCasesPath('validate_cases', kwargs)
    const [{ readCaseRows }, { validateCases }] = await Promise.all([import('./runner/cases.js'), import('./runner/validate.js')])
    try {
      const errors = validateCases(await readCaseRows(ctx.fs, kwargs.cases_path))
      return { status: 'success', valid: errors.length === 0, validation_details: errors }
    } catch (error) {
      return { status: 'error', valid: false, message: error.message }
    }
  }

  /** get_cache_status(): the number of cached results. */
  async get_cache_status(_kwargs, ctx) {
    const { CaseCache } = await import('./runner/cache.js')
    return { status: 'success', cache_hits: (await new CaseCache(ctx.fs).hashes()).size }
  }

  /** clear_cache(): removes every cached result. */
  async clear_cache(_kwargs, ctx) {
    const { CaseCache } = await import('./runner/cache.js')
    return { status: 'success', cleared: await new CaseCache(ctx.fs).clear() }
  }

  /** get_adapters(): the backends and whether they run here. */
  async get_adapters() {
    const { describeAdapters } = await import('./adapters/registry.js')
    return { status: 'success', adapters: describeAdapters() }
  }
}
