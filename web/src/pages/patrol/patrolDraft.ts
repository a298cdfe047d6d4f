import type { Check, Id, PatrolInput, PatrolResult, PointDetail, Severity } from '@/api/types'
import { newClientKey } from '@/utils/cases'

/** FAR_METERS is how far from the point the phone may be before the form warns (the server marks the patrol `far`). */
export const FAR_METERS = 200
/** MAX_PHOTOS is how many photos one failed check keeps. */
export const MAX_PHOTOS = 6

/** DraftPhoto is an uploaded photo: its file id for the post, its thumbnail's address for the form. */
export interface DraftPhoto {
  fileId: Id
  url: string
  name: string
}

/** DraftResult is one check as judged so far; photos and note count only when it is a fail. */
export interface DraftResult {
  result: PatrolResult | null
  note: string
  photos: DraftPhoto[]
}

/** DraftPoint is what the form needs of the point, kept so that a reload without signal still shows the form. */
export type DraftPoint = Pick<PointDetail, 'id' | 'code' | 'name' | 'categoryName' | 'address' | 'lat' | 'lng' | 'qrToken' | 'checks'>

/** PatrolDraft is the whole form of one point (and round), saved on every change until it is sent. */
export interface PatrolDraft {
  /** clientKey is made once per draft and sent with every attempt, so a resend after a lost answer is the same patrol. */
  clientKey: string
  pointId: Id
  roundId: Id | null
  startedAt: string
  note: string
  /** results by check id. */
  results: Record<string, DraftResult>
  /** lat and lng are the phone's last GPS fix (WGS-84). */
  lat: number | null
  lng: number | null
  point: DraftPoint | null
}

export const DRAFT_PREFIX = 'wenming.patrol.draft.'

/** draftKey is where the draft of a point (in a round) is kept: wenming.patrol.draft.12, wenming.patrol.draft.12.r3. */
export function draftKey(pointId: Id, roundId: Id | null): string {
  return `${DRAFT_PREFIX}${pointId}${roundId == null ? '' : `.r${roundId}`}`
}

export function newDraft(pointId: Id, roundId: Id | null, now = new Date()): PatrolDraft {
  return { clientKey: newClientKey(), pointId, roundId, startedAt: now.toISOString(), note: '', results: {}, lat: null, lng: null, point: null }
}

export function emptyResult(): DraftResult {
  return { result: null, note: '', photos: [] }
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null)
const str = (v: unknown) => (typeof v === 'string' ? v : '')
const results = ['pass', 'fail', 'na']

function readResult(v: unknown): DraftResult {
  const r = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>
  const photos = Array.isArray(r.photos)
    ? r.photos
        .filter((p): p is Record<string, unknown> => !!p && typeof p === 'object' && num(p.fileId) != null)
        .map((p) => ({ fileId: p.fileId as number, url: str(p.url), name: str(p.name) }))
    : []
  return { result: results.includes(r.result as string) ? (r.result as PatrolResult) : null, note: str(r.note), photos }
}

function readDraft(raw: string | null): PatrolDraft | null {
  let d: Record<string, unknown>
  try {
    d = raw ? JSON.parse(raw) : null
  } catch {
    return null
  }
  if (!d || typeof d !== 'object' || num(d.pointId) == null || !str(d.clientKey)) return null
  const res: Record<string, DraftResult> = {}
  if (d.results && typeof d.results === 'object') {
    for (const [k, v] of Object.entries(d.results as Record<string, unknown>)) res[k] = readResult(v)
  }
  const point = d.point && typeof d.point === 'object' ? (d.point as DraftPoint) : null
  return {
    clientKey: str(d.clientKey),
    pointId: d.pointId as number,
    roundId: num(d.roundId),
    startedAt: str(d.startedAt) || new Date().toISOString(),
    note: str(d.note),
    results: res,
    lat: num(d.lat),
    lng: num(d.lng),
    point: point && Array.isArray(point.checks) ? point : null,
  }
}

/** loadDraft reads a saved draft; a missing or damaged one is null (the form then starts afresh). */
export function loadDraft(pointId: Id, roundId: Id | null): PatrolDraft | null {
  try {
    const d = readDraft(localStorage.getItem(draftKey(pointId, roundId)))
    return d && d.pointId === pointId && d.roundId === roundId ? d : null
  } catch {
    return null
  }
}

/** findDraftByToken finds the draft of the point a QR code names, for a reload that cannot reach the server. */
export function findDraftByToken(token: string, roundId: Id | null): PatrolDraft | null {
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)
      if (!key?.startsWith(DRAFT_PREFIX)) continue
      const d = readDraft(localStorage.getItem(key))
      if (d && d.point?.qrToken === token && d.roundId === roundId) return d
    }
  } catch {
    // no storage
  }
  return null
}

export function saveDraft(d: PatrolDraft): void {
  try {
    localStorage.setItem(draftKey(d.pointId, d.roundId), JSON.stringify(d))
  } catch {
    // Private mode or a full storage: the form still works, it just does not survive a reload.
  }
}

export function clearDraft(pointId: Id, roundId: Id | null): void {
  try {
    localStorage.removeItem(draftKey(pointId, roundId))
  } catch {
    // nothing saved, nothing to clear
  }
}

/** snapshotPoint keeps what the form shows of a point. */
export function snapshotPoint(p: PointDetail): DraftPoint {
  const { id, code, name, categoryName, address, lat, lng, qrToken, checks } = p
  return { id, code, name, categoryName, address, lat, lng, qrToken, checks }
}

/** activeChecks are the checks to judge, in the checklist's order. */
export function activeChecks(checks: Check[]): Check[] {
  return checks.filter((c) => c.active).sort((a, b) => a.seq - b.seq)
}

const judged = (r: DraftResult | undefined) => !!r?.result

/** progressOf counts the judged checks: 已检查 done/total. */
export function progressOf(checks: Check[], res: Record<string, DraftResult>): { done: number; total: number } {
  return { done: checks.filter((c) => judged(res[c.id])).length, total: checks.length }
}

const list = (nums: number[]) => nums.map((n) => `第 ${n} 项`).join('、')

/**
 * problems says in Chinese what still stops the submit (empty when it may go): unjudged checks,
 * failed checks without a photo, photos still uploading. Checks are numbered by their place in the list.
 */
export function problems(checks: Check[], res: Record<string, DraftResult>, uploading = 0): string[] {
  const out: string[] = []
  if (!checks.length) return ['此点位没有检查项，无法提交']
  const open = checks.flatMap((c, i) => (judged(res[c.id]) ? [] : [i + 1]))
  if (open.length) out.push(`还有 ${open.length} 项未检查（${list(open)}）`)
  const bare = checks.flatMap((c, i) => (res[c.id]?.result === 'fail' && !res[c.id].photos.length ? [i + 1] : []))
  if (bare.length) out.push(`${list(bare)}判为不合格，须拍照（至少 1 张）`)
  if (uploading > 0) out.push('照片正在上传，请稍候')
  return out
}

/** patrolInput builds POST /patrols from the draft: one result per check; photos and notes only for fails. */
export function patrolInput(d: PatrolDraft, checks: Check[]): PatrolInput {
  return {
    clientKey: d.clientKey,
    pointId: d.pointId,
    roundId: d.roundId,
    lat: d.lat,
    lng: d.lng,
    startedAt: d.startedAt,
    note: d.note.trim(),
    results: checks.map((c) => {
      const r = d.results[c.id] ?? emptyResult()
      const fail = r.result === 'fail'
      return { checkId: c.id, result: r.result ?? 'na', note: fail ? r.note.trim() : '', fileIds: fail ? r.photos.map((p) => p.fileId) : [] }
    }),
  }
}

/** formatMeters shows a distance: 35 米, 1.2 公里. */
export function formatMeters(m: number | null | undefined): string {
  if (m == null || !Number.isFinite(m)) return ''
  if (m < 1000) return `${Math.round(m)} 米`
  return `${(m / 1000).toFixed(m < 10000 ? 1 : 0)} 公里`
}

/** distanceText is the form's line about where the phone is: 距点位 35 米. */
export function distanceText(m: number | null | undefined): string {
  const shown = formatMeters(m)
  return shown ? `距点位 ${shown}` : ''
}

export function isFar(m: number | null | undefined): boolean {
  return m != null && m > FAR_METERS
}

export const resultNames: Record<PatrolResult, string> = { pass: '合格', fail: '不合格', na: '不适用' }
export const severityNames: Record<Severity, string> = { minor: '一般', major: '较重', critical: '严重' }
