import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, buildUrl, errorField, http, send, setClientHooks } from './http'
import { authApi, transferApi } from './index'

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

const fetchMock = vi.fn<typeof fetch>()
const onUnauthenticated = vi.fn()
const onPasswordChangeRequired = vi.fn()

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock)
  setClientHooks({ onUnauthenticated, onPasswordChangeRequired })
})

afterEach(() => {
  vi.unstubAllGlobals()
  fetchMock.mockReset()
  onUnauthenticated.mockReset()
  onPasswordChangeRequired.mockReset()
})

async function caught(p: Promise<unknown>): Promise<ApiError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(ApiError)
  return e as ApiError
}

describe('buildUrl', () => {
  it('drops empty filters and encodes the rest', () => {
    expect(buildUrl('/units', { q: '教育 局', kind: '', regionId: 3, class: undefined, page: 1, x: null })).toBe(
      '/api/v1/units?q=%E6%95%99%E8%82%B2+%E5%B1%80&regionId=3&page=1',
    )
    expect(buildUrl('/me')).toBe('/api/v1/me')
  })
})

describe('send', () => {
  it('sends JSON with same-origin credentials and decodes the answer', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(201, { id: 7, name: '教育局' }))
    const unit = await http.post<{ id: number; name: string }>('/units', { name: '教育局' })
    expect(unit).toEqual({ id: 7, name: '教育局' })
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/v1/units')
    expect(init?.method).toBe('POST')
    expect(init?.credentials).toBe('same-origin')
    expect((init?.headers as Record<string, string>)['Content-Type']).toBe('application/json')
    expect(init?.body).toBe('{"name":"教育局"}')
  })

  it('returns undefined for 204', async () => {
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }))
    await expect(http.del('/units/1')).resolves.toBeUndefined()
  })

  it('decodes a 422 import error with its details', async () => {
    const details = [{ sheet: '人员', row: 3, column: 'D', reason: '单位“某某”不存在' }]
    fetchMock.mockResolvedValueOnce(
      jsonResponse(422, { error: { code: 'import_invalid', message: '导入文件有错误', details } }),
    )
    const e = await caught(transferApi.importFile('people', new File(['x'], 'p.xlsx')))
    expect(e.status).toBe(422)
    expect(e.code).toBe('import_invalid')
    expect(e.message).toBe('导入文件有错误')
    expect(e.details).toEqual(details)
    expect(e.field).toBeUndefined()
    expect(fetchMock.mock.calls[0][1]?.body).toBeInstanceOf(FormData)
    expect(onUnauthenticated).not.toHaveBeenCalled()
  })

  it('keeps the field of a validation or conflict error', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(409, { error: { code: 'conflict', message: '用户名已被使用', field: 'username' } }),
    )
    const e = await caught(http.post('/people', {}))
    expect([e.status, e.code, e.field, e.message]).toEqual([409, 'conflict', 'username', '用户名已被使用'])
    expect(e.details).toEqual([])
  })

  it('calls the unauthenticated hook on 401', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(401, { error: { code: 'unauthenticated', message: '请先登录' } }))
    const e = await caught(http.get('/units'))
    expect(e.code).toBe('unauthenticated')
    expect(onUnauthenticated).toHaveBeenCalledTimes(1)
    expect(onPasswordChangeRequired).not.toHaveBeenCalled()
  })

  it('does not redirect when the login itself answers 401', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(401, { error: { code: 'bad_credentials', message: '用户名或密码错误，还可尝试 4 次' } }),
    )
    const e = await caught(authApi.login('a', 'b'))
    expect(e.message).toBe('用户名或密码错误，还可尝试 4 次')
    expect(onUnauthenticated).not.toHaveBeenCalled()
  })

  it('calls the password-change hook on password_change_required', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(403, { error: { code: 'password_change_required', message: '请先修改密码' } }),
    )
    await caught(http.get('/units'))
    expect(onPasswordChangeRequired).toHaveBeenCalledTimes(1)
    expect(onUnauthenticated).not.toHaveBeenCalled()
  })

  it('explains a non-JSON failure in Chinese', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>Bad Gateway</html>', { status: 502 }))
    const e = await caught(http.get('/units'))
    expect(e.status).toBe(502)
    expect(e.code).toBe('http_502')
    expect(e.message).toContain('服务器错误')
  })

  it('turns a network failure into an ApiError', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'))
    const e = await caught(send('GET', '/units'))
    expect([e.status, e.code]).toEqual([0, 'network'])
    expect(e.message).toContain('网络')
  })

  it('hands back a download with its Content-Disposition', async () => {
    fetchMock.mockResolvedValueOnce(
      new Response('xlsx', {
        status: 200,
        headers: { 'Content-Disposition': "attachment; filename*=UTF-8''%E5%8D%95%E4%BD%8D.xlsx" },
      }),
    )
    const { blob, disposition } = await transferApi.exportFile('units', { q: '局' })
    expect(await blob.text()).toBe('xlsx')
    expect(disposition).toContain('filename*=')
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/units/export?q=%E5%B1%80')
  })
})

describe('errorField', () => {
  it('names the form item of a field error, through aliases', () => {
    const e = new ApiError(400, 'invalid', '请选择范围区划', 'scope.regionId')
    expect(errorField(e, { 'scope.regionId': 'scopeRegionId' })).toBe('scopeRegionId')
    expect(errorField(new ApiError(400, 'invalid', '姓名不能为空', 'realName'))).toBe('realName')
  })

  it('is undefined for errors without a field', () => {
    expect(errorField(new ApiError(403, 'forbidden', '无权'))).toBeUndefined()
    expect(errorField(new Error('x'))).toBeUndefined()
  })
})
