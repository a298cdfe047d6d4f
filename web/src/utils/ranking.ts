import type {
  BulletinStatus, RankColor, RankedUnit, RankingFigures, RankingPeriodKind, RankingSettings, RankingWeights, RoleCode,
  SanctionKind,
} from '@/api/types'
import { formatRate, type TagType } from './submission'

/** EMPTY is how a figure without data shows: never as 0. */
export const EMPTY = '—'

export const colorNames: Record<Exclude<RankColor, ''>, string> = { green: '绿', yellow: '黄', red: '红' }
const colorTags: Record<Exclude<RankColor, ''>, TagType> = { green: 'success', yellow: 'warning', red: 'danger' }
/** colorHex are the three colours on the dark cockpit. */
export const colorHex: Record<Exclude<RankColor, ''>, string> = { green: '#22c55e', yellow: '#facc15', red: '#ef4444' }

/** colorTag is a unit's colour as an el-tag: 绿 / 黄 / 红; null when it has none (no data). */
export function colorTag(color: RankColor | string | null | undefined): { label: string; type: TagType } | null {
  if (color !== 'green' && color !== 'yellow' && color !== 'red') return null
  return { label: colorNames[color], type: colorTags[color] }
}

export interface MovementView {
  text: string
  /** direction is up (green), down (red) or same (grey: no change, or no previous rank). */
  direction: 'up' | 'down' | 'same'
}

/** movementView shows a change of rank: ↑2 when the unit moved up two places, ↓1 when it fell one, — otherwise. */
export function movementView(movement: number | null | undefined): MovementView {
  if (!movement) return { text: EMPTY, direction: 'same' }
  return movement > 0 ? { text: `↑${movement}`, direction: 'up' } : { text: `↓${-movement}`, direction: 'down' }
}

/** formatScore shows a score out of 100 with one decimal at most: 86.25 → 86.3; null as —. */
export function formatScore(score: number | null | undefined): string {
  if (score == null) return EMPTY
  return String(Number(score.toFixed(1)))
}

const num = (v: number | null | undefined, digits = 1, suffix = '') => (v == null ? EMPTY : `${Number(v.toFixed(digits))}${suffix}`)
const rate = (v: number | null | undefined) => formatRate(v, EMPTY)
const count = (v: number | null | undefined) => (v == null ? EMPTY : String(v))

export interface FigureColumn {
  key: keyof RankingFigures
  label: string
  format: (v: number | null) => string
}

/** keyFigures are the ranking tables' columns. */
export const keyFigures: FigureColumn[] = [
  { key: 'casesReceived', label: '案件数', format: count },
  { key: 'onTimeRate', label: '按期办结率', format: rate },
  { key: 'reworkRate', label: '返工率', format: rate },
  { key: 'overdue', label: '超期数', format: count },
  { key: 'satisfaction', label: '满意度', format: (v) => num(v, 2) },
  { key: 'submissionOnTimeRate', label: '材料按时率', format: rate },
  { key: 'taskProgress', label: '任务进度', format: (v) => num(v, 1, '%') },
]

/** allFigures are every figure of a unit, as the drawer lists them. */
export const allFigures: FigureColumn[] = [
  { key: 'casesReceived', label: '收到案件', format: count },
  { key: 'casesClosed', label: '办结案件', format: count },
  { key: 'onTimeRate', label: '按期办结率', format: rate },
  { key: 'reworkRate', label: '返工率', format: rate },
  { key: 'overdue', label: '超期案件', format: count },
  { key: 'returns', label: '退回次数', format: count },
  { key: 'avgHandlingHours', label: '平均办理时长', format: (v) => num(v, 1, ' 小时') },
  { key: 'satisfaction', label: '群众满意度（1–5）', format: (v) => num(v, 2) },
  { key: 'submissionsDue', label: '应报材料', format: count },
  { key: 'submissionOnTimeRate', label: '材料按时率', format: rate },
  { key: 'gradeRate', label: '材料达标率', format: rate },
  { key: 'taskProgress', label: '任务进度', format: (v) => num(v, 1, '%') },
  { key: 'notices', label: '督办通知', format: count },
  { key: 'talks', label: '约谈', format: count },
  { key: 'exposures', label: '曝光', format: count },
  { key: 'patrolScore', label: '巡查得分', format: (v) => num(v, 1) },
]

/** weightFields name the score's components, in the settings dialog's order. */
export const weightFields: { key: keyof RankingWeights; label: string; hint: string }[] = [
  { key: 'onTime', label: '按期办结', hint: '按期回复的案件 ÷ 办结案件' },
  { key: 'rework', label: '返工', hint: '1 − 返工案件 ÷ 办结案件' },
  { key: 'overdue', label: '超期', hint: '1 − 超期 ÷（办结 + 超期）' },
  { key: 'satisfaction', label: '满意度', hint: '群众评价（1–5 分）换算' },
  { key: 'submission', label: '材料报送', hint: '按时率与达标率的平均' },
  { key: 'tasks', label: '任务进度', hint: '年度方案任务的平均进度' },
]

/** weightSum adds the weights up, rounded to hundredths so 33.33 + 33.33 + 33.34 is 100. */
export function weightSum(w: RankingWeights): number {
  const sum = weightFields.reduce((s, f) => s + (Number(w[f.key]) || 0), 0)
  return Math.round(sum * 100) / 100
}

/** validateSettings checks the settings as the server does; the answer names each faulty field (empty = valid). */
export function validateSettings(s: RankingSettings): Partial<Record<'weights' | 'greenAtLeast' | 'redBelow', string>> {
  const errors: Partial<Record<'weights' | 'greenAtLeast' | 'redBelow', string>> = {}
  const bad = (v: unknown) => typeof v !== 'number' || Number.isNaN(v) || v < 0 || v > 100
  if (weightFields.some((f) => bad(s.weights[f.key]))) errors.weights = '每项权重应在 0–100 之间'
  else if (Math.abs(weightSum(s.weights) - 100) > 0.01) errors.weights = `各项权重之和须为 100（现为 ${weightSum(s.weights)}）`
  if (bad(s.greenAtLeast)) errors.greenAtLeast = '请填写 0–100 之间的分数'
  if (bad(s.redBelow)) errors.redBelow = '请填写 0–100 之间的分数'
  else if (!errors.greenAtLeast && s.redBelow >= s.greenAtLeast) errors.redBelow = '红色线须低于绿色线'
  return errors
}

/** topAndBottom are a class's best n and worst n ranked units (unranked units left out; nobody in both). */
export function topAndBottom(units: readonly RankedUnit[], n: number): { top: RankedUnit[]; bottom: RankedUnit[] } {
  const ranked = units.filter((u) => u.rank != null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
  const top = ranked.slice(0, n)
  const bottom = ranked.slice(Math.max(n, ranked.length - n))
  return { top, bottom }
}

export const bulletinKindNames: Record<RankingPeriodKind, string> = { week: '周通报', month: '月通报', quarter: '季度通报' }

const bulletinStatusTags: Record<BulletinStatus, { label: string; type: TagType }> = {
  draft: { label: '草稿', type: 'info' },
  approved: { label: '已审核', type: 'warning' },
  published: { label: '已发布', type: 'success' },
}

export function bulletinStatusTag(status: string): { label: string; type: TagType } {
  return bulletinStatusTags[status as BulletinStatus] ?? { label: status, type: 'info' }
}

/** BulletinButton is a button on the bulletin page, by its data-test. */
export type BulletinButton = 'btn-save' | 'btn-regenerate' | 'btn-delete' | 'btn-approve' | 'btn-publish'

/**
 * bulletinButtons are the actions a user may take on a bulletin: the office edits, regenerates and deletes a draft,
 * the office leader approves it, and the office publishes it once approved; a published one is final.
 */
export function bulletinButtons(status: BulletinStatus, roles: readonly RoleCode[] | readonly string[]): BulletinButton[] {
  const office = roles.includes('office_leader') || roles.includes('office_staff')
  if (!office) return []
  if (status === 'draft') {
    const out: BulletinButton[] = ['btn-save', 'btn-regenerate', 'btn-delete']
    if (roles.includes('office_leader')) out.push('btn-approve')
    return out
  }
  if (status === 'approved') return ['btn-publish']
  return []
}

export const sanctionKindNames: Record<SanctionKind, string> = { notice: '督办通知', talk: '约谈', exposure: '曝光' }
const sanctionTags: Record<SanctionKind, { type: TagType; effect: 'light' | 'dark' }> = {
  notice: { type: 'warning', effect: 'light' },
  talk: { type: 'danger', effect: 'light' },
  exposure: { type: 'danger', effect: 'dark' },
}

export function sanctionTag(kind: string): { label: string; type: TagType; effect: 'light' | 'dark' } {
  const k = kind as SanctionKind
  return { label: sanctionKindNames[k] ?? kind, ...(sanctionTags[k] ?? { type: 'info', effect: 'light' }) }
}
