import { describe, expect, it } from 'vitest'
import { readCsvDicts } from '../../../public/plugins/doe-runner/python/csv.js'
import { validateCases } from '../../../public/plugins/doe-runner/runner/validate.js'
import { csvText, executeCases, runCommand } from './helpers'

const HEADER = 'case_id,backend,cmd_template,timeout_s'
const errorsOf = (text: string) => validateCases(readCsvDicts(text))

describe('validation messages, in the order 0.1.0 collects them', () => {
  it.each<[string, string, string[]]>([
    ['no data rows', `${HEADER}\n`, ['No cases found']],
    ['an empty file', '', ['No cases found']],
    [
      'missing columns, then every row’s empty required cells',
      'case_id,timeout_s\nt1,5\n',
      ['Missing required column: backend', 'Missing required column: cmd_template', 'Row 1: backend cannot be empty', 'Row 1: cmd_template cannot be empty'],
    ],
    ['a BOM breaks the first header name', `\ufeff${HEADER}\nt1,shell,echo,5\n`, ['Missing required column: case_id', 'Row 1: case_id cannot be empty']],
    [
      'header names are matched as written',
      'Case_ID,backend,cmd_template,timeout_s\nt1,shell,echo,5\n',
      ['Missing required column: case_id', 'Row 1: case_id cannot be empty'],
    ],
    [
      'backend is compared lower-cased',
      `${HEADER}\nt1,SHELL,echo,5\nt2,Dummy,x,5\nt3,bash,x,5\n`,
      ["Row 3: backend must be one of ['shell', 'dummy', 'simroute']"],
    ],
    [
      'timeout_s as Python float() reads it',
      `${HEADER}\nt1,shell,x, 1_0 \nt2,shell,x,inf\nt3,shell,x,0x10\nt4,shell,x,1.5\nt5,shell,x," "\n`,
      ['Row 3: timeout_s must be numeric', 'Row 5: timeout_s must be numeric'],
    ],
    [
      'case_id characters; a final newline slips through Python’s $',
      `${HEADER}\n"ok-1\n",shell,x,5\n"a b",shell,x,5\n" c",shell,x,5\nd.e,shell,x,5\n`,
      ['Row 2: case_id contains invalid characters', 'Row 3: case_id contains invalid characters', 'Row 4: case_id contains invalid characters'],
    ],
    [
      'optional numeric columns in their order',
      `${HEADER},threshold_throughput_rps,expected_p95,seed,retries\nt1,shell,x,5,a,b,c,d\n`,
      [
        'Row 1: seed must be numeric',
        'Row 1: retries must be numeric',
        'Row 1: expected_p95 must be numeric',
        'Row 1: threshold_throughput_rps must be numeric',
      ],
    ],
    [
      'duplicates come after the row’s own errors; the raw id is compared',
      `${HEADER}\nt1,shell,x,5\nt1,shell,,5\nt1 ,shell,x,5\n`,
      ['Row 2: cmd_template cannot be empty', 'Duplicate case_id: t1', 'Row 3: case_id contains invalid characters'],
    ],
    [
      'a short row leaves its missing required cells empty (None)',
      `${HEADER},seed\nt1,shell\n`,
      ['Row 1: cmd_template cannot be empty', 'Row 1: timeout_s cannot be empty'],
    ],
    ['a long row passes validation', `${HEADER}\nt1,shell,x,5,extra\n`, []],
  ])('%s', (_name, text, errors) => {
    expect(errorsOf(text)).toEqual(errors)
  })
})

// The example of the specification: one file, every kind of row error, in 0.1.0's order.
const INVALID_CASES = csvText(
  'case_id,backend,cmd_template,timeout_s,seed,threshold_p95',
  'ok-1,shell,echo p95=0.1,10,1,0.2',
  'bad id,dummy,,ten,x,y',
  'ok-1,python,echo,10,,',
)

describe('a run with validation errors', () => {
  it('stops with the Python list repr of the errors, exit code 3', async () => {
    const { result, ctx } = await executeCases(INVALID_CASES)
    expect(ctx.logs).toEqual([
      "Fatal error: Validation errors: ['Row 2: cmd_template cannot be empty', 'Row 2: timeout_s must be numeric', " +
        "'Row 2: case_id contains invalid characters', 'Row 2: seed must be numeric', 'Row 2: threshold_p95 must be numeric', " +
        `"Row 3: backend must be one of ['shell', 'dummy', 'simroute']", 'Duplicate case_id: ok-1']`,
    ])
    expect(result).toMatchObject({ status: 'success', exit_code: 3, stats: { total: 0 } })
    expect(await ctx.fs.list()).toEqual(['cases.csv'])
  })

  it('validate_cases returns the same list without running', async () => {
    const { result } = await runCommand('validate_cases', { cases_path: 'cases.csv' }, { files: { 'cases.csv': INVALID_CASES } })
    expect(result).toEqual({
      status: 'success',
      valid: false,
      validation_details: [
        'Row 2: cmd_template cannot be empty',
        'Row 2: timeout_s must be numeric',
        'Row 2: case_id contains invalid characters',
        'Row 2: seed must be numeric',
        'Row 2: threshold_p95 must be numeric',
        "Row 3: backend must be one of ['shell', 'dummy', 'simroute']",
        'Duplicate case_id: ok-1',
      ],
    })
  })

  it('validate_cases reports an unreadable file as an error', async () => {
    const { result } = await runCommand('validate_cases', { cases_path: 'nope.csv' })
    expect(result).toEqual({ status: 'error', valid: false, message: "[Errno 2] No such file or directory: 'nope.csv'" })
  })
})
