import { describe, expect, it } from 'vitest'
import { drawDummyMetrics } from '../../../public/plugins/doe-runner/adapters/dummy.js'
import { floatRepr } from '../../../public/plugins/doe-runner/python/floatRepr.js'
import { PyRandom } from '../../../public/plugins/doe-runner/python/random.js'
import { pyStr } from '../../../public/plugins/doe-runner/python/repr.js'

// r = random.Random(seed): [repr(r.random()) for _ in range(3)], r.getrandbits(32),
// repr(r.uniform(0.1, 2.0)), r.choices([0, 1, 2, 5], weights=[0.8, 0.1, 0.05, 0.05])[0] — CPython 3.11
const STREAMS: Array<[seed: bigint, randoms: string[], bits: number, uniform: string, choice: bigint]> = [
  [0n, ['0.8444218515250481', '0.7579544029403025', '0.420571580830845'], 1112038970, '1.9343832840876427', 0n],
  [1n, ['0.13436424411240122', '0.8474337369372327', '0.763774618976614'], 1095513148, '0.32404553697501604', 0n],
  [42n, ['0.6394267984578837', '0.025010755222666936', '0.27502931836911926'], 958682846, '0.3651220641977734', 0n],
  [123n, ['0.052363598850944326', '0.08718667752263232', '0.4072417636703983'], 462568970, '1.6931566813012797', 1n],
  [2n ** 40n + 5n, ['0.5043802970418443', '0.2686044399723282', '0.9257865475671585'], 2280452553, '1.5410383668104723', 1n],
  [-7n, ['0.32383276483316237', '0.15084917392450192', '0.6509344730398537'], 311111475, '1.6604211547834857', 0n],
  [2n ** 64n, ['0.9776462743838505', '0.3711105964481608', '0.49965891230531634'], 2682463428, '0.36479355605351593', 0n],
  [2n ** 32n - 1n, ['0.6353574441341173', '0.20319993954407756', '0.6073666030347188'], 1251276551, '1.2457964505706194', 5n],
]

describe('CPython random (MT19937)', () => {
  it.each(STREAMS)('seed %s', (seed, randoms, bits, uniform, choice) => {
    const random = new PyRandom(seed)
    expect(randoms.map(() => floatRepr(random.random()))).toEqual(randoms)
    expect(random.nextUint32()).toBe(bits)
    expect(floatRepr(random.uniform(0.1, 2.0))).toBe(uniform)
    expect(random.choice([0n, 1n, 2n, 5n], [0.8, 0.1, 0.05, 0.05])).toBe(choice)
  })

  it('seeds a negative int with its absolute value', () => {
    expect(new PyRandom(-7n).random()).toBe(new PyRandom(7n).random())
  })

  it('draws choices with cumulative weights and bisect, as random.choices does', () => {
    // r = random.Random(2024); [r.choices([0, 1, 2, 5], weights=[...])[0] for _ in range(40)]
    const expected = [0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 5, 0, 0, 0, 0, 5, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]
    const random = new PyRandom(2024n)
    expect(expected.map(() => random.choice([0, 1, 2, 5], [0.8, 0.1, 0.05, 0.05]))).toEqual(expected)
  })

  it('gives uniform(a, b) as a + (b - a) * random()', () => {
    const random = new PyRandom(99n)
    expect([0, 1, 2].map(() => floatRepr(random.uniform(100, 2000)))).toEqual(['867.558342392966', '480.1433446923963', '439.72440911456334'])
  })
})

describe('dummy backend metrics', () => {
  const metricsText = (seed: bigint) => {
    const { metrics } = drawDummyMetrics(new PyRandom(seed), undefined)
    return Object.fromEntries(Object.entries(metrics).map(([key, value]) => [key, pyStr(value)]))
  }

  // The observed table of 0.1.0 (– = metric absent).
  it.each([
    [
      0n,
      {
        p95: '0.2634',
        p99: '0.3479',
        throughput_rps: '1071.4',
        errors: '0',
        latency_p50: '0.1715',
        cpu_util: '43.4',
        mem_peak_mb: '458.7',
        queue_depth_p95: '3.54',
      },
    ],
    [1n, { p95: '0.3218', p99: '0.3856', throughput_rps: '1041.3', errors: '0', latency_p50: '0.1814', cpu_util: '16.6', queue_depth_p95: '4.89' }],
    [42n, { p95: '0.0242', p99: '0.0328', throughput_rps: '1499.3', errors: '0', latency_p50: '0.0171', mem_peak_mb: '63.4' }],
    [123n, { p95: '0.0453', p99: '0.056', throughput_rps: '1812.3', errors: '0', latency_p50: '0.027', cpu_util: '69.6' }],
  ])('seed %s', (seed, expected) => {
    expect(metricsText(seed)).toEqual(expected)
  })

  it('fails exactly the seeds CPython fails below 400', () => {
    const failing = []
    for (let seed = 0n; seed < 400n; seed++) if (drawDummyMetrics(new PyRandom(seed), undefined).fails) failing.push(seed)
    expect(failing).toEqual([32n, 39n, 67n, 71n, 89n, 115n, 160n, 181n, 216n, 225n, 266n, 276n, 279n, 281n, 287n, 323n, 333n, 390n])
  })

  it('fails any case with a non-empty force_failure, even "false"', () => {
    expect(drawDummyMetrics(new PyRandom(42n), 'false').fails).toBe(true)
    expect(drawDummyMetrics(new PyRandom(42n), '').fails).toBe(false)
  })
})
