// The datetime texts 0.1.0 writes: isoformat() of naive local and JST-aware times, the
// run log's strftime label, and str(timedelta). Times are integer microseconds since the epoch.

const JST_OFFSET_MICROS = 9 * 3600 * 1_000_000

const pad = (number, width = 2) => String(number).padStart(width, '0')

function isoformat(fields, micros) {
  const { year, month, day, hour, minute, second } = fields
  const fraction = micros === 0 ? '' : `.${pad(micros, 6)}`
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction}`
}

function splitMicros(epochMicros) {
  const micros = ((epochMicros % 1_000_000) + 1_000_000) % 1_000_000
  return { date: new Date((epochMicros - micros) / 1000), micros }
}

function localFields(date) {
  return {
    year: date.getFullYear(),
    month: date.getMonth() + 1,
    day: date.getDate(),
    hour: date.getHours(),
    minute: date.getMinutes(),
    second: date.getSeconds(),
  }
}

function utcFields(date) {
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  }
}

// Cases start and end many times a second: the local date and time of a second are worked out once.
let lastLocalSecond = { epochMillis: NaN, text: '' }

/** `datetime.now().isoformat()`: naive local time, microseconds left out when 0. */
export function localIsoformat(epochMicros) {
  const { date, micros } = splitMicros(epochMicros)
  const epochMillis = date.getTime()
  if (epochMillis !== lastLocalSecond.epochMillis) lastLocalSecond = { epochMillis, text: isoformat(localFields(date), 0) }
  return micros === 0 ? lastLocalSecond.text : `${lastLocalSecond.text}.${pad(micros, 6)}`
}

/** `datetime.now(timezone(timedelta(hours=9))).isoformat()` */
export function jstIsoformat(epochMicros) {
  const { date, micros } = splitMicros(epochMicros + JST_OFFSET_MICROS)
  return `${isoformat(utcFields(date), micros)}+09:00`
}

/** `strftime("%Y%m%d-%H%M-JST")` of the JST time. */
export function jstRunLabel(epochMicros) {
  const { date } = splitMicros(epochMicros + JST_OFFSET_MICROS)
  const { year, month, day, hour, minute } = utcFields(date)
  return `${pad(year, 4)}${pad(month)}${pad(day)}-${pad(hour)}${pad(minute)}-JST`
}

/** `str(timedelta(microseconds=n))`: `[D day[s], ]H:MM:SS[.ffffff]` */
export function timedeltaStr(totalMicros) {
  const days = Math.floor(totalMicros / 86_400_000_000)
  const dayMicros = totalMicros - days * 86_400_000_000
  const seconds = Math.floor(dayMicros / 1_000_000)
  const micros = dayMicros - seconds * 1_000_000
  const clock = `${Math.floor(seconds / 3600)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`
  const dayPrefix = days === 0 ? '' : `${days} day${Math.abs(days) === 1 ? '' : 's'}, `
  return dayPrefix + clock + (micros === 0 ? '' : `.${pad(micros, 6)}`)
}
