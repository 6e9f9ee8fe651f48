import { describe, expect, it } from 'vitest'
import { expandTemplate } from '../../../public/plugins/doe-runner/adapters/shell.js'
import { parseMetrics } from '../../../public/plugins/doe-runner/adapters/parseOutput.js'

const BASE = { p95: null, p99: null, throughput_rps: 0, errors: 0n }

describe('metrics from command output', () => {
  it.each<[string, string, Record<string, unknown>]>([
    ['key=value and key: value', 'p95=0.08 p99: 0.12 throughput_rps=500', { p95: 0.08, p99: 0.12, throughput_rps: 500 }],
    ['case-insensitive, first match wins', 'P95=0.5 p95=0.9', { p95: 0.5, throughput_rps: 1 }],
    ['throughput= is read after throughput_rps= and wins', 'throughput=7 throughput_rps=5', { throughput_rps: 7 }],
    ['p95 matches inside queue_depth_p95', 'queue_depth_p95=9 p95=0.1', { p95: 9, queue_depth_p95: 9, throughput_rps: 1 }],
    ['errors becomes a float', 'errors=4', { errors: 4 }],
    ['errors takes digits only', 'errors=4.5', { errors: 4 }],
    ['whitespace after the separator, as Python \\s', 'p95=\u2003\u00850.2 cpu_util:\n 40', { p95: 0.2, cpu_util: 40, throughput_rps: 1 }],
    ['JavaScript-only whitespace does not count', 'p95=\ufeff0.2', { throughput_rps: 1 }],
    ['Python case folding: K (Kelvin), ſ and İ', 'mem_peaK_mb=12 ſ=1 cpu_utİl=3 throughput_rpſ=8', { mem_peak_mb: 12, cpu_util: 3, throughput_rps: 8 }],
    [
      'every metric',
      'p95=1 p99=2 throughput_rps=3 errors=0 cpu_util=4 mem_peak_mb=5 queue_depth_p95=6 latency_p50=7',
      {
        p95: 1,
        p99: 2,
        throughput_rps: 3,
        errors: 0,
        cpu_util: 4,
        mem_peak_mb: 5,
        queue_depth_p95: 6,
        latency_p50: 7,
      },
    ],
    ['no metrics, no errors: throughput floor 1.0', 'hello', { throughput_rps: 1 }],
    ['throughput 0 with errors stays 0', 'throughput_rps=0 errors=2', { throughput_rps: 0, errors: 2 }],
  ])('%s', (_name, output, metrics) => {
    expect(parseMetrics(output)).toEqual({ ...BASE, ...metrics })
  })

  it('fails on a captured value that float() refuses', () => {
    expect(() => parseMetrics('p95=0.5.')).toThrow("could not convert string to float: '0.5.'")
    expect(() => parseMetrics('p99=.')).toThrow("could not convert string to float: '.'")
  })
})

describe('the first {...} span', () => {
  it.each<[string, string, Record<string, unknown>]>([
    [
      'raw values override: ints stay ints, floats stay floats',
      'p95=0.1 {"p95": 2, "p99": 0.5, "throughput_rps": 10}',
      { p95: 2n, p99: 0.5, throughput_rps: 10n },
    ],
    ['NaN, Infinity and 1E400', '{"p95": NaN, "p99": Infinity, "cpu_util": 1E400}', { p95: NaN, p99: Infinity, cpu_util: Infinity, throughput_rps: 1 }],
    [
      'true, null, lists and strings as they are',
      '{"p95": true, "p99": null, "cpu_util": [1, "a"], "latency_p50": "fast"}',
      {
        p95: true,
        p99: null,
        cpu_util: [1n, 'a'],
        latency_p50: 'fast',
        throughput_rps: 1,
      },
    ],
    ['a JSON false throughput counts as 0 for the floor', '{"throughput_rps": false}', { throughput_rps: 1 }],
    ['a JSON null errors blocks the floor', '{"errors": null}', { errors: null }],
    ['{} is skipped: the span needs one character inside', '{} {"p95": 1}', { p95: 1n, throughput_rps: 1 }],
    ['only the first span counts, even when it is not JSON', '{not json} {"p95": 1}', { throughput_rps: 1 }],
    ['a nested object cuts the span at its first }', '{"p95": {"a": 1}, "p99": 2}', { throughput_rps: 1 }],
    ['other keys are ignored', '{"p90": 1, "errors": 3}', { errors: 3n }],
  ])('%s', (_name, output, metrics) => {
    expect(parseMetrics(output)).toEqual({ ...BASE, ...metrics })
  })
})

describe('cmd_template placeholders', () => {
  const caseRow = new Map([
    ['case_id', 'c1'],
    ['cmd_template', 'unused'],
    ['seed', '{param_a}'],
    ['param_a', 'A$&'],
  ])

  it('replaces every column in header order, so a value holding a later placeholder expands again', () => {
    expect(expandTemplate('run {case_id} {seed} {param_a} {Seed} {missing} {cmd_template}', caseRow)).toBe('run c1 A$& A$& {Seed} {missing} {cmd_template}')
  })
})
