// The playground's command help for DOE Runner (the optional `commands` of get_info()); 0.1.0 had none.

const casesPath = { description: 'The cases file (CSV) in the workspace', required: true, example: 'cases.csv' }

export const COMMAND_HELP = {
  execute_cases: {
    description: 'Runs every case of cases_path and writes one row of metrics per case, then a run log',
    arguments: {
      cases_path: casesPath,
      metrics_path: { description: 'Where the metrics CSV is written', required: false, default: 'metrics.csv' },
      max_workers: { description: 'Cases run at once within a resource group', required: false, default: 'config default_workers, else 1', example: 4 },
      fail_fast: { description: 'Stop at the first executed case that is not OK', required: false, default: false },
      force: { description: 'Run cases even when a cached result exists, and overwrite it', required: false, default: false },
      dry_run: { description: 'Validate the cases only', required: false, default: false },
      verbose: { description: 'Log each step and each case', required: false, default: false },
      run_log_dir: { description: 'The folder of the run log', required: false, default: 'docs/run' },
    },
    example: { cases_path: 'cases.csv', max_workers: 4 },
  },
  validate_cases: {
    description: "Checks cases_path and returns the validator's messages without running anything",
    arguments: { cases_path: casesPath },
    example: { cases_path: 'doe/cases-invalid.csv' },
  },
  get_cache_status: { description: 'The number of cached case results', arguments: {} },
  clear_cache: { description: 'Removes every cached case result', arguments: {} },
  get_adapters: { description: 'The backends, and whether each runs in the browser', arguments: {} },
}
