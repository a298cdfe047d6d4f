import type { ErrorDetail } from './types'

/** ApiError is every failed call: the server's error body, or a stand-in for network and proxy failures. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly field?: string
  readonly details: ErrorDetail[]

  constructor(status: number, code: string, message: string, field?: string, details: ErrorDetail[] = []) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.field = field || undefined
    this.details = details
  }
}

/** Hooks let the app react to session-level errors without the client importing the router. */
export interface ClientHooks {
  onUnauthenticated?: () => void
  onPasswordChangeRequired?: () => void
}

const hooks: ClientHooks = {}

export function setClientHooks(h: ClientHooks): void {
  hooks.onUnauthenticated = h.onUnauthenticated
  hooks.onPasswordChangeRequired = h.onPasswordChangeRequired
}

export const API_BASE = '/api/v1'

export type Query = Record<string, string | number | boolean | null | undefined>

/** buildUrl joins the base, the path and the non-empty query values. */
export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.append(k, String(v))
  }
  const qs = params.toString()
  return API_BASE + path + (qs ? `?${qs}` : '')
}

/** decodeError turns a failed response into an ApiError, whatever its body. */
export async function decodeError(res: Response): Promise<ApiError> {
  let body: unknown
  try {
    body = await res.json()
  } catch {
    body = undefined
  }
  const err = (body as { error?: Record<string, unknown> } | undefined)?.error
  if (err && typeof err.code === 'string') {
    const message = typeof err.message === 'string' && err.message ? err.message : fallbackMessage(res.status)
    const field = typeof err.field === 'string' ? err.field : undefined
    const details = Array.isArray(err.details) ? (err.details as ErrorDetail[]) : []
    return new ApiError(res.status, err.code, message, field, details)
  }
  return new ApiError(res.status, `http_${res.status}`, fallbackMessage(res.status))
}

function fallbackMessage(status: number): string {
  if (status === 401) return '登录已失效，请重新登录'
  if (status === 403) return '无权执行此操作'
  if (status === 404) return '请求的内容不存在'
  if (status === 413) return '文件太大'
  if (status >= 500) return `服务器错误（${status}），请稍后重试`
  return `请求失败（${status}）`
}

export interface SendOptions {
  query?: Query
  body?: unknown
  /** quiet skips the session hooks: login answers 401 for a wrong password, and the first /me check expects 401. */
  quiet?: boolean
}

/** send performs one same-origin request and throws ApiError unless the status is 2xx. */
export async function send(method: string, path: string, opts: SendOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  let body: BodyInit | undefined
  if (opts.body instanceof FormData) {
    body = opts.body
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(opts.body)
  }
  let res: Response
  try {
    res = await fetch(buildUrl(path, opts.query), { method, headers, body, credentials: 'same-origin' })
  } catch {
    throw new ApiError(0, 'network', '网络连接失败，请检查网络后重试')
  }
  if (res.ok) return res
  const err = await decodeError(res)
  if (!opts.quiet) {
    if (err.status === 401) hooks.onUnauthenticated?.()
    else if (err.code === 'password_change_required') hooks.onPasswordChangeRequired?.()
  }
  throw err
}

/** sendWithProgress posts a form with XMLHttpRequest, which (unlike fetch) reports upload progress. */
function sendWithProgress(path: string, form: FormData, onProgress: (percent: number) => void): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', buildUrl(path))
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100))
    }
    xhr.onerror = () => reject(new ApiError(0, 'network', '网络中断，文件未上传，请重新选择文件上传'))
    xhr.onload = async () => {
      const res = new Response(xhr.responseText, { status: xhr.status, headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? '' } })
      if (res.ok) return resolve(res)
      const err = await decodeError(res)
      if (err.status === 401) hooks.onUnauthenticated?.()
      reject(err)
    }
    xhr.send(form)
  })
}

async function json<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

export const http = {
  get: async <T>(path: string, query?: Query, quiet = false) => json<T>(await send('GET', path, { query, quiet })),
  post: async <T>(path: string, body?: unknown, quiet = false) => json<T>(await send('POST', path, { body, quiet })),
  put: async <T>(path: string, body: unknown) => json<T>(await send('PUT', path, { body })),
  del: async (path: string) => {
    await send('DELETE', path)
  },
  /**
   * upload posts one file as the multipart field "file", or a whole multipart form as it is;
   * onProgress (0–100) makes it report how far it got.
   */
  upload: async <T>(path: string, file: File | FormData, onProgress?: (percent: number) => void) => {
    let form: FormData
    if (file instanceof FormData) form = file
    else {
      form = new FormData()
      form.append('file', file)
    }
    if (onProgress) return json<T>(await sendWithProgress(path, form, onProgress))
    return json<T>(await send('POST', path, { body: form }))
  },
  /** blob fetches a file download, with the name the server gave it (if any). */
  blob: async (path: string, query?: Query) => {
    const res = await send('GET', path, { query })
    return { blob: await res.blob(), disposition: res.headers.get('Content-Disposition') }
  },
}

/**
 * errorField names the form item an error belongs to: the server's `field`, renamed through `aliases`
 * where the form's prop differs from the JSON field; undefined for errors about no field.
 */
export function errorField(e: unknown, aliases: Record<string, string> = {}): string | undefined {
  if (!(e instanceof ApiError) || !e.field) return undefined
  return aliases[e.field] ?? e.field
}
