import { describe, expect, it } from 'vitest'
import { runShell } from '../../../public/plugins/doe-runner/shell/shell.js'
import { createTestContext } from '../../support/context'

type Outcome = [stdout: string, stderr: string, exitCode: number] | 'invalid UTF-8'

async function outcome(script: string): Promise<Outcome> {
  try {
    const { stdout, stderr, exitCode } = await runShell(script)
    return [stdout, stderr, exitCode]
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError)
    return 'invalid UTF-8'
  }
}

// What `/bin/sh -c SCRIPT` (dash 0.5.12, coreutils sleep, UTF-8 locale) printed and returned,
// as Python's subprocess.run(text=True) captures it ('invalid UTF-8': decoding raises).
const DASH_VECTORS: Array<[script: string, expected: Outcome]> = [
  ['echo p95=0.08', ['p95=0.08\n', '', 0]],
  ["echo 'p95=0.1 p99=0.2'", ['p95=0.1 p99=0.2\n', '', 0]],
  ['echo "a\\nb"', ['a\nb\n', '', 0]],
  ["printf 'x=%s\\n' 5", ['x=5\n', '', 0]],
  ['foo', ['', '/bin/sh: 1: foo: not found\n', 127]],
  ['foo; echo $?', ['127\n', '/bin/sh: 1: foo: not found\n', 0]],
  ['true&&echo a||echo b', ['a\n', '', 0]],
  ['false&&echo a||echo b', ['b\n', '', 0]],
  ['false || false && echo x', ['', '', 1]],
  ['exit 3; echo no', ['', '', 3]],
  ['exit 300', ['', '', 44]],
  ['exit x; echo no', ['', '/bin/sh: 1: exit: Illegal number: x\n', 2]],
  ['echo a; exit', ['a\n', '', 0]],
  ['false; exit', ['', '', 1]],
  ['echo "b', ['', '/bin/sh: 1: Syntax error: Unterminated quoted string\n', 2]],
  ["echo a\necho 'b", ['a\n', '/bin/sh: 2: Syntax error: Unterminated quoted string\n', 2]],
  ['&& echo', ['', '/bin/sh: 1: Syntax error: "&&" unexpected\n', 2]],
  ['echo a &&', ['', '/bin/sh: 1: Syntax error: end of file unexpected\n', 2]],
  ['echo a &&\n\n', ['', '/bin/sh: 3: Syntax error: end of file unexpected\n', 2]],
  ['echo a;; echo b', ['', '/bin/sh: 1: Syntax error: ";;" unexpected\n', 2]],
  ['; echo a', ['', '/bin/sh: 1: Syntax error: ";" unexpected\n', 2]],
  ['echo a; ; echo b', ['', '/bin/sh: 1: Syntax error: ";" unexpected\n', 2]],
  ['echo a\n&& echo b', ['a\n', '/bin/sh: 2: Syntax error: "&&" unexpected\n', 2]],
  ['echo \\a\\\\b "\\q\\$\\\\" \'\\n\'', ['a\b \\q$\\ \n\n', '', 0]],
  ['echo -n a; echo -e b; echo -n -n c', ['a-e b\n-n c', '', 0]],
  ["echo 'a\\101\\0101\\c b'; echo x", ['aAAx\n', '', 0]],
  ['echo', ['\n', '', 0]],
  ['echo -n', ['', '', 0]],
  ["printf '%d|%d|%x|%o|%u\\n' \"'A\" 0x1f 255 8 -1", ['65|31|ff|10|18446744073709551615\n', '', 0]],
  ["printf '%d\\n' abc 12x", ['0\n12\n', '/bin/sh: 1: printf: abc: expected numeric value\n/bin/sh: 1: printf: 12x: not completely converted\n', 1]],
  ["printf '%5.2e|%g|%g|%g|%G|%#g\\n' 12345.678 0.0001 1e-5 123456789 1e100 1", ['1.23e+04|0.0001|1e-05|1.23457e+08|1E+100|1.00000\n', '', 0]],
  ["printf '%s-%s\\n' a b c", ['a-b\nc-\n', '', 0]],
  ['printf \'x%qy\\n\' a; echo " st=$?"', ['x st=2\n', '/bin/sh: 1: printf: %q: invalid directive\n', 0]],
  ['printf \'%\'; echo " st=$?"', [' st=2\n', '/bin/sh: 1: printf: missing format character\n', 0]],
  ['printf; echo " st=$?"', [' st=2\n', '/bin/sh: 1: printf: usage: printf format [arg ...]\n', 0]],
  ["printf '[%5s][%-5s][%.2s][%5.1s]\\n' ab ab abc xyz", ['[   ab][ab   ][ab][    x]\n', '', 0]],
  ["printf '%b\\n' 'a\\101\\c b' ; echo after", ['aAafter\n', '', 0]],
  ["printf 'x\\cy\\n'", ['x\\cy\n', '', 0]],
  ["printf '%f %F %e\\n' inf nan -inf", ['inf NAN -inf\n', '', 0]],
  ["printf '%i %d\\n' ' 12' '+3'", ['12 3\n', '', 0]],
  ["printf '%05d|%-5d|%+d|% d|%.3d|%#o|%#x|%#X|\\n' 42 42 42 42 7 8 255 255", ['00042|42   |+42| 42|007|010|0xff|0XFF|\n', '', 0]],
  ["printf '%*d|%-*d|%.*f\\n' 5 1 4 2 2 3.14159", ['    1|2   |3.14\n', '', 0]],
  ["printf '%d\\n' 99999999999999999999", ['9223372036854775807\n', '/bin/sh: 1: printf: 99999999999999999999: Numerical result out of range\n', 1]],
  ["printf '%f|%.0f|%.0f|%.0f|%#.0f|%e|%.0e\\n' 0.125 0.5 1.5 2.5 2 0 12345", ['0.125000|0|2|2|2.|0.000000e+00|1e+04\n', '', 0]],
  ["printf '%g|%g|%g|%g|%.3g|%#.3g|%g\\n' 100000 1000000 0.00001234 123.456 0.0001 1 0", ['100000|1e+06|1.234e-05|123.456|0.0001|1.00|0\n', '', 0]],
  ["printf '%f\\n' 0x1p3 1e3 ' 2' 3x", ['8.000000\n1000.000000\n2.000000\n3.000000\n', '/bin/sh: 1: printf: 3x: not completely converted\n', 1]],
  ["printf '%s\\n'", ['\n', '', 0]],
  ["printf '%d %s\\n' 1", ['1 \n', '', 0]],
  ["printf '%-+ #0*.*d|\\n' 6 3 7", ['+007  |\n', '', 0]],
  ["printf '%*d|\\n' -6 3", ['3     |\n', '', 0]],
  ["printf '%.*d|\\n' -2 3", ['3|\n', '', 0]],
  [
    "printf '%f\\n' 1e400 0x1.8p1 0x InF nan",
    ['inf\n3.000000\n0.000000\ninf\nnan\n', '/bin/sh: 1: printf: 1e400: Numerical result out of range\n/bin/sh: 1: printf: 0x: not completely converted\n', 1],
  ],
  ["printf '%f|%f\\n' 1e-400 ' 1'", ['0.000000|1.000000\n', '/bin/sh: 1: printf: 1e-400: Numerical result out of range\n', 1]],
  ["printf '%s %s|' a b c", ['a b|c |', '', 0]],
  ["printf '%b|%s\\n' 'a\\c' x y", ['a', '', 0]],
  ["printf '[%5b]\\n' '\\101\\0102'", ['[   AB]\n', '', 0]],
  ["printf '[%.2b]\\n' 'ab\\cd'", ['[ab', '', 0]],
  ["printf '%-05d|%08.3f|%+.2e|% g|%010g|%-8g|\\n' 3 3.14159 -12345 5 -inf 1.5", ['3    |0003.142|-1.23e+04| 5|      -inf|1.5     |\n', '', 0]],
  ["printf '%#o %#x %#.0e %#g %o %x\\n' 0 0 3 0.5 -1 -1", ['0 0 3.e+00 0.500000 1777777777777777777777 ffffffffffffffff\n', '', 0]],
  ["printf '%.0d|%.3x|%+u|%s\\n' 0 255 5", ['|0ff|5|\n', '', 0]],
  ["printf '%c|' '' x; printf '%5c|%-3c|\\n' a b", ['\u0000|x|    a|b  |\n', '', 0]],
  ["printf '%ld\\n' 1", ['', '/bin/sh: 1: printf: %l: invalid directive\n', 2]],
  ["exit ''", ['', '/bin/sh: 1: exit: Illegal number: \n', 2]],
  ['exit -0', ['', '', 0]],
  ['exit 2147483648', ['', '/bin/sh: 1: exit: Illegal number: 2147483648\n', 2]],
  ["exit ' 1'", ['', '', 1]],
  ['exit +1', ['', '', 1]],
  ['exit 0x1', ['', '/bin/sh: 1: exit: Illegal number: 0x1\n', 2]],
  ['sleep 1 -2', ['', "sleep: invalid option -- '2'\nTry 'sleep --help' for more information.\n", 1]],
  ['sleep x y', ['', "sleep: invalid time interval ‘x’\nsleep: invalid time interval ‘y’\nTry 'sleep --help' for more information.\n", 1]],
  ['sleep -', ['', "sleep: invalid time interval ‘-’\nTry 'sleep --help' for more information.\n", 1]],
  ['sleep', ['', "sleep: missing operand\nTry 'sleep --help' for more information.\n", 1]],
  ['sleep 0.01s 0.01 && echo slept', ['slept\n', '', 0]],
  ['sleep 0.001m; echo $?', ['0\n', '', 0]],
  ["'' a", ['', '/bin/sh: 1: : Permission denied\n', 127]],
  ['"" a', ['', '/bin/sh: 1: : Permission denied\n', 127]],
  ['echo $? $', ['0 $\n', '', 0]],
  ['echo "$?x"', ['0x\n', '', 0]],
  [': a b; echo $?', ['0\n', '', 0]],
  ['echo a # c', ['a\n', '', 0]],
  ['echo a#b', ['a#b\n', '', 0]],
  ["echo 'a\nb'; foo", ['a\nb\n', '/bin/sh: 2: foo: not found\n', 127]],
  ["foo 'a\nb'", ['', '/bin/sh: 1: foo: not found\n', 127]],
  ['true && \\\nfoo', ['', '/bin/sh: 2: foo: not found\n', 127]],
  ['echo a\\', ['a\\\n', '', 0]],
  ['echo "\\a\\$\\`\\\\\\"x"', ['\u0007$`\\"x\n', '', 0]],
  ['"if" x', ['', '/bin/sh: 1: if: not found\n', 127]],
  ["echo '\\303'", 'invalid UTF-8'],
  ["printf '\\303\\251\\n'", ['é\n', '', 0]],
  ["printf '%c' é", 'invalid UTF-8'],
  ['echo throughput=7 throughput_rps=5', ['throughput=7 throughput_rps=5\n', '', 0]],
  ['  ', ['', '', 0]],
  ['', ['', '', 0]],
  ['# only a comment', ['', '', 0]],
  ['echo a;', ['a\n', '', 0]],
  ['echo a;\necho b', ['a\nb\n', '', 0]],
  ["printf '%.3s|\\n' 'éa'", ['éa|\n', '', 0]],
  ["printf '%5.2s|\\n' 'éé'", ['   é|\n', '', 0]],
  ["printf '%s' 'é'", ['é', '', 0]],
]

describe('the built-in shell behaves as dash', () => {
  it.each(DASH_VECTORS)('%j', async (script, expected) => {
    expect(await outcome(script)).toEqual(expected)
  })
})

describe('what the built-in shell does not do', () => {
  it.each([
    ['echo a | cat', 'pipes'],
    ['echo a > out.txt', 'redirections'],
    ['cat < in.txt', 'redirections'],
    ['sleep 1 &', 'background jobs'],
    ['(echo a)', 'subshells'],
    ['echo `date`', 'command substitution'],
    ['echo $(date)', 'command substitution'],
    ['echo $HOME', 'parameter expansion'],
    ['echo "${x}"', 'parameter expansion'],
    ['if true; then echo a; fi', 'compound commands'],
    ['p95=0.5', 'variable assignments'],
    ['X=1 echo a', 'variable assignments'],
  ])('%j: %s', async (script, feature) => {
    expect(await outcome(script)).toEqual(['', `/bin/sh: 1: ${feature} not supported by the playground shell\n`, 2])
  })

  it('runs the lines before an unsupported one, as dash runs lines before a syntax error', async () => {
    expect(await outcome('echo first\necho a | cat\necho never')).toEqual(['first\n', '/bin/sh: 2: pipes not supported by the playground shell\n', 2])
  })

  it('keeps glob characters and ~ as written, as dash does when nothing matches', async () => {
    expect(await outcome('echo *.csv ~ [ab]?')).toEqual(['*.csv ~ [ab]?\n', '', 0])
  })
})

describe('sleep', () => {
  it('ends at the time limit with a TimeoutError', async () => {
    await expect(runShell('sleep 5; echo late', { deadline: performance.now() + 30 })).rejects.toMatchObject({ name: 'TimeoutError' })
  })

  it('ends when the signal aborts, with its reason', async () => {
    const ctx = createTestContext()
    const running = runShell('sleep 10', { signal: ctx.signal })
    ctx.abort(new Error('stopped by the user'))
    await expect(running).rejects.toThrow('stopped by the user')
  })

  it('accepts fractions, several operands and the s, m, h, d suffixes', async () => {
    expect(await outcome('sleep .01 0.0001m 0s 0h 0d && echo done')).toEqual(['done\n', '', 0])
  })
})
