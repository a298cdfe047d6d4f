import type { Framework, Id, ManualMethod, ManualRate, ManualRateInput, PointCategory, Round, RoundCategory, RoundStatus } from '@/api/types'
import type { TagType } from './submission'

const roundStatusTags: Record<RoundStatus, { label: string; type: TagType }> = {
  draft: { label: '草稿', type: 'info' },
  drawn: { label: '已抽取', type: 'primary' },
  closed: { label: '已结束', type: 'success' },
}

export function roundStatusTag(status: string): { label: string; type: TagType } {
  return roundStatusTags[status as RoundStatus] ?? { label: status, type: 'info' }
}

/** progressPercent is done out of total as a whole percentage (0 when there is nothing to do). */
export function progressPercent(done: number, total: number): number {
  if (!total || total <= 0) return 0
  return Math.min(100, Math.max(0, Math.round((done / total) * 100)))
}

/** SampleRow is one line of the sample table: a point category, its active points and how many to draw. */
export interface SampleRow {
  categoryId: Id
  categoryName: string
  available: number
  sampleSize: number
  active: boolean
}

/**
 * sampleRows builds the sample table of the round dialog: every active point category (and any inactive one
 * the round already samples), in the categories' order, with the round's sample sizes (0 = not sampled).
 * available is what the round last counted when it names the category, else the category's point count.
 */
export function sampleRows(categories: readonly PointCategory[], chosen: readonly RoundCategory[] = []): SampleRow[] {
  const picked = new Map(chosen.map((c) => [c.categoryId, c]))
  const rows: SampleRow[] = [...categories]
    .sort((a, b) => a.sort - b.sort || a.id - b.id)
    .filter((c) => c.active || (picked.get(c.id)?.sampleSize ?? 0) > 0)
    .map((c) => ({
      categoryId: c.id,
      categoryName: c.name,
      available: picked.get(c.id)?.available ?? c.pointCount ?? 0,
      sampleSize: picked.get(c.id)?.sampleSize ?? 0,
      active: c.active,
    }))
  // A category the round samples that is no longer listed still shows, so saving does not drop it silently.
  for (const c of chosen) {
    if (c.sampleSize > 0 && !rows.some((r) => r.categoryId === c.categoryId)) {
      rows.push({ categoryId: c.categoryId, categoryName: c.categoryName, available: c.available, sampleSize: c.sampleSize, active: false })
    }
  }
  return rows
}

/** sampleInput is the round's categories as the API takes them: only those with a sample size above 0 (the server reads categoryId and sampleSize). */
export function sampleInput(rows: readonly SampleRow[]): RoundCategory[] {
  return rows
    .filter((r) => r.sampleSize > 0)
    .map((r) => ({ categoryId: r.categoryId, categoryName: r.categoryName, available: r.available, sampleSize: Math.floor(r.sampleSize) }))
}

/** sampleTotal is how many points the round will draw. */
export function sampleTotal(rows: readonly SampleRow[]): number {
  return rows.reduce((s, r) => s + (r.sampleSize > 0 ? Math.floor(r.sampleSize) : 0), 0)
}

/** sampleProblems names, by category id, a sample size that is not a whole number ≥ 0 or exceeds the points available. */
export function sampleProblems(rows: readonly SampleRow[]): Record<Id, string> {
  const out: Record<Id, string> = {}
  for (const r of rows) {
    if (!Number.isInteger(r.sampleSize) || r.sampleSize < 0) out[r.categoryId] = '请填写 0 或正整数'
    else if (r.sampleSize > r.available) out[r.categoryId] = `只有 ${r.available} 个点位可抽`
  }
  return out
}

/**
 * roundFrameworks are the versions a round may use: main frameworks that are frozen, and the current one
 * (even a draft: the round freezes it), newest first.
 */
export function roundFrameworks(frameworks: readonly Framework[], currentId: Id | null | undefined): Framework[] {
  return frameworks
    .filter((f) => f.kind === 'main' && (f.status === 'frozen' || f.id === currentId))
    .sort((a, b) => b.id - a.id)
}

/** parseSeed reads the seed field: '' is no seed (the draw picks one), else a whole number; NaN when it is not one. */
export function parseSeed(text: string | number | null | undefined): number | null {
  if (text == null) return null
  const s = String(text).trim()
  if (!s) return null
  return /^-?\d+$/.test(s) ? Number(s) : Number.NaN
}

/** Methods whose rates the office may enter by hand, with their names (meta's names win where it sends them). */
export const manualMethods: { code: ManualMethod; name: string }[] = [
  { code: 'survey', name: '问卷调查' },
  { code: 'material', name: '材料审核' },
  { code: 'online', name: '网上调查' },
  { code: 'briefing', name: '听取汇报' },
  { code: 'observation', name: '综合观察' },
  { code: 'statistic', name: '数据统计' },
]

/** RateRow is one editable row of 手工录入得分率; percent is the rate as 0–100 (null while empty). */
export interface RateRow {
  part: 'main' | 'minors'
  standardCode: string
  method: ManualMethod | ''
  percent: number | null
  note: string
}

/** rateRows turns the entered rates (0–1) into editable rows (0–100 %, at most two decimals). */
export function rateRows(rates: readonly ManualRate[]): RateRow[] {
  return rates.map((r) => ({
    part: r.part === 'minors' ? 'minors' : 'main',
    standardCode: r.standardCode,
    method: r.method,
    percent: Number((r.rate * 100).toFixed(2)),
    note: r.note ?? '',
  }))
}

/**
 * ratesInput checks the rows and makes the body of PUT /rounds/{id}/rates (rates 0–1). Problems are by row index:
 * a standard and a method are needed, the rate must lie in 0–100, and one standard has one rate per method.
 * part tells the round's framework (main) from its minors' framework, whose codes may repeat the main ones.
 */
export function ratesInput(rows: readonly RateRow[]): { rates: ManualRateInput[]; problems: Record<number, string> } {
  const problems: Record<number, string> = {}
  const seen = new Map<string, number>()
  const rates: ManualRateInput[] = []
  rows.forEach((r, i) => {
    const code = r.standardCode.trim()
    if (!code) problems[i] = '请选择测评标准'
    else if (!r.method) problems[i] = '请选择测评方法'
    else if (r.percent == null || !Number.isFinite(r.percent) || r.percent < 0 || r.percent > 100) problems[i] = '得分率应在 0–100 之间'
    else {
      const key = `${r.part}|${code}|${r.method}`
      if (seen.has(key)) problems[i] = `与第 ${seen.get(key)! + 1} 行重复`
      else {
        seen.set(key, i)
        rates.push({ part: r.part, standardCode: code, method: r.method, rate: Number((r.percent / 100).toFixed(4)), note: r.note.trim() })
      }
    }
  })
  return { rates, problems }
}

/** inspectorRows are a round's inspectors with their progress, the least advanced first. */
export function inspectorRows(round: Pick<Round, 'inspectors'>): { userId: Id; name: string; assigned: number; done: number; percent: number }[] {
  return (round.inspectors ?? [])
    .map((i) => ({ ...i, percent: progressPercent(i.done, i.assigned) }))
    .sort((a, b) => a.percent - b.percent || a.name.localeCompare(b.name, 'zh-CN'))
}

/** defaultRoundDates proposes a ten-day round starting today (Beijing time). */
export function defaultRoundDates(now = new Date()): [string, string] {
  const day = (d: Date) => d.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })
  return [day(now), day(new Date(now.getTime() + 9 * 86400000))]
}
