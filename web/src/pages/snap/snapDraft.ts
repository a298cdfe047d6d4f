import type { Id } from '@/api/types'
import { newClientKey } from '@/utils/cases'

/** SnapDraft is the resident's form as it survives a reload (the photo files do not). */
export interface SnapDraft {
  /** clientKey is made once per draft, at the first submit, and sent with every retry until one succeeds. */
  clientKey: string
  categoryId: Id | null
  description: string
  address: string
  lat: number | null
  lng: number | null
  regionId: Id | null
  phone: string
}

/** MySnap is a case the resident sent from this browser (我的随手拍); the token is the key to follow it. */
export interface MySnap {
  token: string
  code: string
  createdAt: string
}

export const DRAFT_KEY = 'wenming.snap.draft'
export const MINE_KEY = 'wenming.snap.mine'

export function emptyDraft(): SnapDraft {
  return { clientKey: '', categoryId: null, description: '', address: '', lat: null, lng: null, regionId: null, phone: '' }
}

function read<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key)
    return raw ? (JSON.parse(raw) as T) : null
  } catch {
    return null
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value))
  } catch {
    // Private mode or a full storage: the form still works, it just does not survive a reload.
  }
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null)
const str = (v: unknown) => (typeof v === 'string' ? v : '')

/** loadDraft reads the saved draft, field by field, so a damaged one gives an empty form rather than an error. */
export function loadDraft(): SnapDraft {
  const d = read<Record<string, unknown>>(DRAFT_KEY)
  if (!d || typeof d !== 'object') return emptyDraft()
  return {
    clientKey: str(d.clientKey),
    categoryId: num(d.categoryId),
    description: str(d.description),
    address: str(d.address),
    lat: num(d.lat),
    lng: num(d.lng),
    regionId: num(d.regionId),
    phone: str(d.phone),
  }
}

export function saveDraft(d: SnapDraft): void {
  write(DRAFT_KEY, d)
}

export function clearDraft(): void {
  try {
    localStorage.removeItem(DRAFT_KEY)
  } catch {
    // nothing saved, nothing to clear
  }
}

/** ensureClientKey gives the draft its key (once) and saves it before the first attempt goes out. */
export function ensureClientKey(d: SnapDraft): string {
  if (!d.clientKey) {
    d.clientKey = newClientKey()
    saveDraft(d)
  }
  return d.clientKey
}

export function loadMine(): MySnap[] {
  const list = read<MySnap[]>(MINE_KEY)
  return Array.isArray(list) ? list.filter((m) => m && typeof m.token === 'string') : []
}

/** rememberMine puts a sent case first in 我的随手拍 (once per token), keeping the latest 50. */
export function rememberMine(item: MySnap): MySnap[] {
  const list = [item, ...loadMine().filter((m) => m.token !== item.token)].slice(0, 50)
  write(MINE_KEY, list)
  return list
}
