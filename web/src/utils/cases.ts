import type { CaseAction, CaseClosing, CaseDetail, CaseSource, CaseState, Id, Photo, RoleCode } from '@/api/types'
import { escapeHtml, type MapPoint } from './geo'
import type { TagType } from './submission'

/** Built-in Chinese names, used until /meta sends its own (caseSources, caseStates, caseClosings). */
export const caseSourceNames: Record<CaseSource, string> = {
  patrol: '日常巡查',
  assessment: '模拟测评',
  cadre_snap: '干部随手拍',
  resident_snap: '市民随手拍',
  hotline: '热线工单',
  media: '媒体曝光',
  supervision: '督查暗访',
}

export const caseStateNames: Record<CaseState, string> = {
  new: '待立案',
  registered: '待派遣',
  dispatched: '待签收',
  handling: '处置中',
  verifying: '待核查',
  returned: '退回待裁定',
  closed: '已结案',
}

export const caseClosingNames: Record<CaseClosing, string> = {
  fixed: '已整改',
  not_fixed: '未整改结案',
  not_ours: '非职责范围',
  duplicate: '重复案件',
  declined: '不予立案',
}

/** caseStates in the order of the flow, for tabs and filters. */
export const caseStateOrder: CaseState[] = ['new', 'registered', 'dispatched', 'handling', 'verifying', 'returned', 'closed']

const stateTagTypes: Record<CaseState, TagType> = {
  new: 'warning',
  registered: 'warning',
  dispatched: 'primary',
  handling: 'primary',
  verifying: 'success',
  returned: 'danger',
  closed: 'info',
}

/** caseStateTag is the el-tag type of a state: waiting for the office in orange, with units in blue. */
export function caseStateTag(state: string): TagType {
  return stateTagTypes[state as CaseState] ?? 'info'
}

/** OVERDUE_COLOR marks overdue cases on the map and in lists. */
export const OVERDUE_COLOR = '#e53935'

const stateColors: Record<CaseState, string> = {
  new: '#f39c12',
  registered: '#8e44ad',
  dispatched: '#1e88e5',
  handling: '#00897b',
  verifying: '#43a047',
  returned: '#6d4c41',
  closed: '#9e9e9e',
}

/** caseColor is a case's colour on the map: its state's, or red when overdue. */
export function caseColor(state: string, overdue: boolean): string {
  if (overdue) return OVERDUE_COLOR
  return stateColors[state as CaseState] ?? '#607d8b'
}

export const caseStateColors = stateColors

/**
 * caseDetailPoints are what the case page's map draws: the case, and each of its photos that carries a place.
 * A photo's name is whatever its uploader (often an anonymous resident) called the file, and a popup is HTML,
 * so the name is quoted as text: a name like `<base href=//evil>` must not become markup in the console.
 */
export function caseDetailPoints(c: Pick<CaseDetail, 'id' | 'lat' | 'lng' | 'state' | 'overdue' | 'beforePhotos' | 'afterPhotos'>): MapPoint[] {
  const out: MapPoint[] = []
  if (c.lat != null && c.lng != null) out.push({ id: c.id, lat: c.lat, lng: c.lng, color: caseColor(c.state, c.overdue), radius: 9, popup: '案件位置' })
  const photo = (p: Photo, color: string, label: string) => {
    if (p.lat != null && p.lng != null) out.push({ id: p.fileId, lat: p.lat, lng: p.lng, color, radius: 5, popup: `${label}：${escapeHtml(p.name)}` })
  }
  c.beforePhotos?.forEach((p) => photo(p, '#fb8c00', '整改前照片'))
  c.afterPhotos?.forEach((p) => photo(p, '#43a047', '整改后照片'))
  return out
}


/** ActionDialog names what an action button opens; verify splits into pass and fail. */
export type ActionDialogKind =
  | 'register'
  | 'decline'
  | 'dispatch'
  | 'accept'
  | 'return'
  | 'rule_return'
  | 'extension'
  | 'rule_extension'
  | 'report'
  | 'verify_pass'
  | 'verify_fail'
  | 'close'
  | 'merge'
  | 'note'
  | 'hand_down'
  | 'take_back'
  | 'pass_down'

export interface ActionButton {
  kind: ActionDialogKind
  label: string
  /** test is the button's data-test. */
  test: string
  type: 'primary' | 'success' | 'warning' | 'danger' | 'default'
}

/** CaseNames are the server's words for actions and timeline steps (the meta store's). */
export interface CaseNames {
  action: (action: string) => string
  event: (kind: string) => string
}

// A button's words are the server's: its action's name, or for 核查's two
// buttons the step each writes (核查通过, 核查不通过).
const buttons: Record<ActionDialogKind, { words: { action: CaseAction } | { event: string }; test: string; type: ActionButton['type'] }> = {
  register: { words: { action: 'register' }, test: 'action-register', type: 'primary' },
  decline: { words: { action: 'decline' }, test: 'action-decline', type: 'danger' },
  dispatch: { words: { action: 'dispatch' }, test: 'action-dispatch', type: 'primary' },
  accept: { words: { action: 'accept' }, test: 'action-accept', type: 'primary' },
  return: { words: { action: 'return' }, test: 'action-return', type: 'warning' },
  rule_return: { words: { action: 'rule_return' }, test: 'action-rule-return', type: 'warning' },
  extension: { words: { action: 'request_extension' }, test: 'action-extension', type: 'default' },
  rule_extension: { words: { action: 'rule_extension' }, test: 'action-rule-extension', type: 'warning' },
  report: { words: { action: 'report' }, test: 'action-report', type: 'primary' },
  verify_pass: { words: { event: 'verified_pass' }, test: 'action-verify-pass', type: 'success' },
  verify_fail: { words: { event: 'verified_fail' }, test: 'action-verify-fail', type: 'danger' },
  close: { words: { action: 'close' }, test: 'action-close', type: 'default' },
  merge: { words: { action: 'merge' }, test: 'action-merge', type: 'default' },
  note: { words: { action: 'note' }, test: 'action-note', type: 'default' },
  hand_down: { words: { action: 'hand_down' }, test: 'action-hand-down', type: 'primary' },
  take_back: { words: { action: 'take_back' }, test: 'action-take-back', type: 'warning' },
  pass_down: { words: { action: 'pass_down' }, test: 'action-pass-down', type: 'default' },
}

const dialogsOf: Record<CaseAction, ActionDialogKind[]> = {
  register: ['register'],
  decline: ['decline'],
  dispatch: ['dispatch'],
  accept: ['accept'],
  return: ['return'],
  rule_return: ['rule_return'],
  request_extension: ['extension'],
  rule_extension: ['rule_extension'],
  report: ['report'],
  verify: ['verify_pass', 'verify_fail'],
  close: ['close'],
  merge: ['merge'],
  note: ['note'],
  hand_down: ['hand_down'],
  take_back: ['take_back'],
  pass_down: ['pass_down'],
}

/** actionButton is a dialog's button, named by the server's words (names: the meta store's). */
export function actionButton(kind: ActionDialogKind, names?: CaseNames): ActionButton {
  const { words, test, type } = buttons[kind]
  const label = !names ? kind : 'action' in words ? names.action(words.action) : names.event(words.event)
  return { kind, label, test, type }
}

/** actionButtons are the buttons for the actions the server allows, in the server's order; unknown ones are skipped. */
export function actionButtons(actions: readonly string[] | undefined, names?: CaseNames): ActionButton[] {
  return (actions ?? []).flatMap((a) => dialogsOf[a as CaseAction] ?? []).map((k) => actionButton(k, names))
}

/** formatWorkMinutes shows working minutes as days (of hoursPerDay), hours and minutes: 1 天 2 小时, 3 小时 20 分. */
export function formatWorkMinutes(minutes: number, hoursPerDay = 8): string {
  const total = Math.max(0, Math.round(minutes))
  const perDay = hoursPerDay * 60
  const days = Math.floor(total / perDay)
  const hours = Math.floor((total % perDay) / 60)
  const mins = total % 60
  if (days) return hours ? `${days} 天 ${hours} 小时` : `${days} 天`
  if (hours) return mins ? `${hours} 小时 ${mins} 分` : `${hours} 小时`
  return `${mins} 分`
}

/** remainingText is a case's working time left (剩余 3 小时 20 分) or past its deadline (超期 1 天 2 小时). */
export function remainingText(minutes: number | null | undefined, overdue = false, hoursPerDay = 8): string {
  if (minutes == null) return overdue ? '已超期' : ''
  if (minutes < 0 || overdue) {
    const late = Math.abs(Math.round(minutes))
    return late ? `超期 ${formatWorkMinutes(late, hoursPerDay)}` : '已超期'
  }
  return `剩余 ${formatWorkMinutes(minutes, hoursPerDay)}`
}

/** limitText shows a category's time limit: 4 小时, 2 个工作日. */
export function limitText(value: number, unit: string): string {
  return unit === 'day' ? `${value} 个工作日` : `${value} 小时`
}

/**
 * maskPhone shows a phone number with its middle hidden (13812345678 → 138****5678). Numbers the server
 * masked already stay as they are; empty ones show as "-".
 */
export function maskPhone(phone: string | null | undefined): string {
  const p = (phone ?? '').trim()
  if (!p) return '-'
  if (p.includes('*')) return p
  const digits = p.replace(/\D/g, '')
  if (digits.length < 7) return p
  return `${digits.slice(0, 3)}${'*'.repeat(Math.max(4, digits.length - 7))}${digits.slice(-4)}`
}

/** formatDistance shows metres: 35 米, 1.2 公里. */
export function formatDistance(meters: number | null | undefined): string {
  if (meters == null) return ''
  return meters < 1000 ? `${Math.round(meters)} 米` : `${(meters / 1000).toFixed(1)} 公里`
}

/** FAR_METERS is how far from the case location a photo may be taken before the page warns. */
export const FAR_METERS = 200

const office: RoleCode[] = ['office_leader', 'office_staff']

/**
 * caseSourcesFor are the sources a user may enter a case as: the office also hotline orders, media reports and
 * supervision; inspectors supervision and patrol; every other cadre (unit staff, grid workers) a snap.
 */
export function caseSourcesFor(roles: readonly string[]): CaseSource[] {
  const out: CaseSource[] = []
  const add = (...s: CaseSource[]) => s.forEach((x) => out.includes(x) || out.push(x))
  if (roles.some((r) => office.includes(r as RoleCode))) add('hotline', 'media', 'supervision', 'cadre_snap')
  if (roles.includes('inspector')) add('supervision', 'patrol')
  if (roles.some((r) => ['unit_head', 'unit_liaison', 'grid_worker'].includes(r)) || !out.length) add('cadre_snap')
  return out
}

export interface CategoryOption {
  id: Id
  label: string
}

export interface CategoryGroup {
  id: Id
  label: string
  options: CategoryOption[]
}

interface CategoryLike {
  id: Id
  name: string
  parentId: Id | null
}

/**
 * categoryGroups groups categories for a select with one option group per top-level category: its
 * descendants, named by their path under it ("市容环境 / 乱扔垃圾" for deeper ones); a top-level category
 * without children is its own only option. The server's order is kept.
 */
export function categoryGroups(categories: readonly CategoryLike[]): CategoryGroup[] {
  const ids = new Set(categories.map((c) => c.id))
  const children = new Map<Id, CategoryLike[]>()
  const roots: CategoryLike[] = []
  for (const c of categories) {
    if (c.parentId != null && ids.has(c.parentId) && c.parentId !== c.id) {
      const list = children.get(c.parentId) ?? []
      list.push(c)
      children.set(c.parentId, list)
    } else roots.push(c)
  }
  const walk = (c: CategoryLike, prefix: string, out: CategoryOption[], seen: Set<Id>) => {
    for (const child of children.get(c.id) ?? []) {
      if (seen.has(child.id)) continue
      seen.add(child.id)
      const label = prefix ? `${prefix} / ${child.name}` : child.name
      const below = children.get(child.id)
      if (below?.length) walk(child, label, out, seen)
      else out.push({ id: child.id, label })
    }
  }
  return roots.map((root) => {
    const options: CategoryOption[] = []
    walk(root, '', options, new Set([root.id]))
    return { id: root.id, label: root.name, options: options.length ? options : [{ id: root.id, label: root.name }] }
  })
}

/**
 * newClientKey makes the key that lets the server recognise a resubmitted case: crypto.randomUUID where the
 * page is a secure context, else a version-4 UUID from crypto.getRandomValues (plain-HTTP deployments).
 */
export function newClientKey(): string {
  const c = globalThis.crypto
  if (typeof c?.randomUUID === 'function') return c.randomUUID()
  const b = new Uint8Array(16)
  if (typeof c?.getRandomValues === 'function') c.getRandomValues(b)
  else for (let i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256)
  b[6] = (b[6] & 0x0f) | 0x40
  b[8] = (b[8] & 0x3f) | 0x80
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/** filePhotoUrl is a console photo's address at a size: thumb (≤ 320 px), display (≤ 1600 px). */
export function filePhotoUrl(fileId: Id, size: 'thumb' | 'display' | 'original'): string {
  return size === 'original' ? `/api/v1/files/${fileId}` : `/api/v1/files/${fileId}?size=${size}`
}
