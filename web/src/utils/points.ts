import type { Check, CheckInput, Id, PatrolResult, PointQuery, Severity } from '@/api/types'
import type { TagType } from './submission'

export const severityNames: Record<Severity, string> = { minor: '一般', major: '较重', critical: '严重' }
export const severityOptions = (Object.entries(severityNames) as [Severity, string][]).map(([code, name]) => ({ code, name }))
const severityTags: Record<Severity, TagType> = { minor: 'info', major: 'warning', critical: 'danger' }

/** severityTag shows a check's severity: 一般 grey, 较重 orange, 严重 red. */
export function severityTag(severity: string): { label: string; type: TagType } {
  const s = severity as Severity
  return { label: severityNames[s] ?? severity, type: severityTags[s] ?? 'info' }
}

export const resultNames: Record<PatrolResult, string> = { pass: '合格', fail: '不合格', na: '不适用' }
const resultTags: Record<PatrolResult, TagType> = { pass: 'success', fail: 'danger', na: 'info' }

/** resultTag shows a patrol's or an observation's result; a point never patrolled has none (未巡查). */
export function resultTag(result: string | null | undefined): { label: string; type: TagType } {
  if (!result) return { label: '未巡查', type: 'info' }
  const r = result as PatrolResult
  return { label: resultNames[r] ?? result, type: resultTags[r] ?? 'info' }
}

/** The map colours of a point by its last result: green passed, red failed, grey never patrolled. */
export const pointResultColors = { pass: '#22c55e', fail: '#e53935', none: '#90a4ae' } as const

export function pointColor(lastResult: string | null | undefined): string {
  if (lastResult === 'pass') return pointResultColors.pass
  if (lastResult === 'fail') return pointResultColors.fail
  return pointResultColors.none
}

/** PointFilters are the points page's search form; active is '' (all), 'true' or 'false'. */
export interface PointFilters {
  categoryId: Id | null
  regionId: Id | null
  unitId: Id | null
  q: string
  active: '' | 'true' | 'false'
}

export function emptyPointFilters(): PointFilters {
  return { categoryId: null, regionId: null, unitId: null, q: '', active: '' }
}

/** pointQuery turns the form into the list's query, leaving out what is not set. */
export function pointQuery(f: PointFilters): PointQuery {
  const q: PointQuery = {}
  if (f.categoryId != null) q.categoryId = f.categoryId
  if (f.regionId != null) q.regionId = f.regionId
  if (f.unitId != null) q.unitId = f.unitId
  if (f.q.trim()) q.q = f.q.trim()
  if (f.active) q.active = f.active === 'true'
  return q
}

/** pointFiltersToRoute writes the filters as URL query values (for the print sheet, opened in a new window). */
export function pointFiltersToRoute(f: PointFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(pointQuery(f)).map(([k, v]) => [k, String(v)]))
}

/** pointFiltersFromRoute reads them back; unknown or malformed values are left out. */
export function pointFiltersFromRoute(query: Record<string, unknown>): PointFilters {
  const str = (v: unknown) => (Array.isArray(v) ? v[0] : v)
  const id = (v: unknown) => {
    const s = str(v)
    return typeof s === 'string' && /^\d+$/.test(s) ? Number(s) : null
  }
  const active = str(query.active)
  return {
    categoryId: id(query.categoryId),
    regionId: id(query.regionId),
    unitId: id(query.unitId),
    q: typeof str(query.q) === 'string' ? (str(query.q) as string) : '',
    active: active === 'true' || active === 'false' ? active : '',
  }
}

/** ChecklistRow is one editable check; key tells rows apart while they move (new rows have no id yet). */
export interface ChecklistRow {
  key: string
  id?: Id
  text: string
  severity: Severity
  caseCategoryId: Id | null
  standardCodes: string[]
}

let rowSeq = 0
const nextKey = () => `r${++rowSeq}`

export function newChecklistRow(): ChecklistRow {
  return { key: nextKey(), text: '', severity: 'minor', caseCategoryId: null, standardCodes: [] }
}

/** checklistRows are the active checks in their order, to edit; inactive ones (kept for history) stay out. */
export function checklistRows(checks: readonly Check[] | undefined): ChecklistRow[] {
  return [...(checks ?? [])]
    .filter((c) => c.active !== false)
    .sort((a, b) => a.seq - b.seq || a.id - b.id)
    .map((c) => ({
      key: nextKey(),
      id: c.id,
      text: c.text,
      severity: c.severity,
      caseCategoryId: c.caseCategoryId ?? null,
      standardCodes: [...(c.standardCodes ?? [])],
    }))
}

/** checksInput is the body of PUT /point-categories/{id}/checks, in the rows' order. */
export function checksInput(rows: readonly ChecklistRow[]): CheckInput[] {
  return rows.map((r) => ({
    id: r.id ?? null, // null: a new check
    text: r.text.trim(),
    severity: r.severity,
    caseCategoryId: r.caseCategoryId ?? 0, // 0: none chosen, which the server refuses
    standardCodes: [...r.standardCodes],
  }))
}

/** moveItem returns the list with the item at index moved by delta (−1 up, +1 down); out of range leaves it as is. */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = index + delta
  const out = [...list]
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return out
  const [item] = out.splice(index, 1)
  out.splice(to, 0, item)
  return out
}

/**
 * indexedField reads a server error field that names a list entry, such as `checks[2].text`
 * (also `checks.2.text` and `checks[2]`): the list, the 0-based index and the entry's field ('' for the whole entry).
 */
export function indexedField(field: string | undefined): { list: string; index: number; field: string } | null {
  if (!field) return null
  const m = /^([A-Za-z_]\w*)(?:\[(\d+)\]|\.(\d+))(?:\.(\w+))?/.exec(field)
  if (!m) return null
  return { list: m[1], index: Number(m[2] ?? m[3]), field: m[4] ?? '' }
}

/** chunk splits a list into pages of at most size items (the QR sheet: one page of codes each). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const n = Math.max(1, Math.floor(size))
  const out: T[][] = []
  for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n))
  return out
}

/** QrLayout is how many QR codes an A4 sheet holds: columns × rows. */
export interface QrLayout {
  columns: number
  rows: number
}

export const qrLayouts: Record<'large' | 'medium' | 'small', QrLayout & { label: string }> = {
  large: { columns: 2, rows: 3, label: '大（每页 6 个）' },
  medium: { columns: 3, rows: 4, label: '中（每页 12 个）' },
  small: { columns: 4, rows: 5, label: '小（每页 20 个）' },
}

/** qrPages lays the points out on printed pages: full pages of columns × rows, the last one partly filled. */
export function qrPages<T>(items: readonly T[], layout: QrLayout): T[][] {
  return chunk(items, layout.columns * layout.rows)
}
