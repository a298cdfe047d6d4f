import type { Person } from '@/api'

/** LoginLimit: some addresses must wait before trying the person's account again. */
type LoginLimit = NonNullable<Person['loginLimit']>

const beijing = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

function parts(d: Date) {
  return Object.fromEntries(beijing.formatToParts(d).map((p) => [p.type, p.value]))
}

/**
 * loginLimitText says until when (Beijing time) and from how many addresses an
 * account's sign-ins are held up: “登录受限至 09:15（2 个地址）”, with the date
 * when the wait ends on another day than now.
 */
export function loginLimitText(limit: LoginLimit, now: Date = new Date()): string {
  const until = parts(new Date(limit.until))
  const today = parts(now)
  const day = until.month === today.month && until.day === today.day ? '' : `${until.month}-${until.day} `
  return `登录受限至 ${day}${until.hour}:${until.minute}（${limit.addresses} 个地址）`
}
