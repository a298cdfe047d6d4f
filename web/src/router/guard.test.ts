import { describe, expect, it } from 'vitest'
import type { Me, RoleCode } from '@/api/types'
import { pageRoles } from '@/menu'
import { accessRedirect } from './guard'

function me(roles: RoleCode[], mustChangePassword = false): Me {
  return {
    id: 1,
    username: 'u',
    realName: '用户',
    phoneMasked: '',
    unitId: 1,
    unitName: '创城办',
    roles,
    scope: { kind: 'all', unitId: 0, regionId: null, regionCode: '', regionName: '' },
    jurisdictionId: null,
    jurisdictionName: '',
    mustChangePassword,
    disabled: false,
    loginLimit: null,
    lastLoginAt: null,
    createdAt: '2026-01-01T00:00:00Z',
  }
}

const route = (name: string, fullPath: string, meta: Record<string, unknown> = {}) => ({ name, fullPath, meta })
const audit = route('audit', '/audit?page=2', { roles: pageRoles.audit })
const login = route('login', '/login', { public: true })
const pwd = route('password-change', '/password-change')

describe('accessRedirect', () => {
  it('sends signed-out users to login, remembering where they were going', () => {
    expect(accessRedirect(audit, null)).toEqual({ name: 'login', query: { redirect: '/audit?page=2' } })
    expect(accessRedirect(route('home', '/'), null)).toEqual({ name: 'login' })
    expect(accessRedirect(login, null)).toBe(true)
  })

  it('keeps a user who must change the password on that page', () => {
    const u = me(['audit_admin'], true)
    expect(accessRedirect(audit, u)).toEqual({ name: 'password-change' })
    expect(accessRedirect(route('home', '/'), u)).toEqual({ name: 'password-change' })
    expect(accessRedirect(pwd, u)).toBe(true)
  })

  it('shows 403 to a user without the role', () => {
    expect(accessRedirect(audit, me(['office_staff']))).toEqual({ name: 'forbidden' })
    expect(accessRedirect(audit, me(['office_staff', 'audit_admin']))).toBe(true)
    expect(accessRedirect(route('home', '/', { roles: [] }), me([]))).toBe(true)
  })

  it('sends a signed-in user away from the login page', () => {
    expect(accessRedirect(login, me(['leader']))).toEqual({ name: 'home' })
  })
})
