// Wire types of API v1 (docs/api-contract-v1.md). Times are RFC 3339 strings in UTC.

// Id is the server's numeric row id; the UI never does arithmetic on it.
export type Id = number

export type RoleCode =
  | 'office_leader'
  | 'office_staff'
  | 'unit_head'
  | 'unit_liaison'
  | 'inspector'
  | 'grid_worker'
  | 'leader'
  | 'sys_admin'
  | 'security_admin'
  | 'audit_admin'

export type ScopeKind = 'unit' | 'region' | 'all'
export type UnitClass = 'A' | 'B'

export interface Scope {
  kind: ScopeKind
  unitId: Id | null
  regionId: Id | null
  regionName: string
}

export interface Me {
  id: Id
  username: string
  realName: string
  phoneMasked: string
  unitId: Id | null
  unitName: string
  roles: RoleCode[]
  scope: Scope
  mustChangePassword: boolean
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

export interface PageQuery {
  page?: number
  pageSize?: number
}

export interface ErrorDetail {
  sheet?: string
  row?: number
  column?: string
  reason: string
}

export interface CodeName<C extends string = string> {
  code: C
  name: string
}

export interface Meta {
  roles: CodeName<RoleCode>[]
  unitKinds: CodeName[]
  unitClasses: CodeName<UnitClass>[]
  regionLevels: (CodeName & { digits: number })[]
  scopeKinds: CodeName<ScopeKind>[]
  /** Chinese names of audit actions (create, login, …) and audited entities (unit, person, …). */
  auditActions: Record<string, string>
  auditEntities: Record<string, string>
}

export interface ApiToken {
  id: Id
  name: string
  prefix: string
  createdAt: string
  expiresAt: string | null
  lastUsedAt: string | null
}

export interface NewApiToken {
  id: Id
  name: string
  prefix: string
  token: string
  expiresAt: string | null
}

export interface Region {
  id: Id
  code: string
  name: string
  level: string
  parentId: Id | null
  sortKey: string
}

export interface RegionCreate {
  code: string
  name: string
  parentId: Id | null
  sortKey?: string
}

export interface RegionUpdate {
  name: string
  sortKey: string
}

export interface Unit {
  id: Id
  name: string
  kind: string
  class: UnitClass
  parentId: Id | null
  parentName: string
  regionId: Id | null
  regionName: string
  sortKey: string
  peopleCount: number
}

export interface UnitInput {
  name: string
  kind: string
  class: UnitClass
  parentId?: Id | null
  regionId?: Id | null
  sortKey?: string
}

export interface UnitQuery extends PageQuery {
  q?: string
  kind?: string
  class?: string
  regionId?: Id
}

export interface Person {
  id: Id
  username: string
  realName: string
  phoneMasked: string
  unitId: Id | null
  unitName: string
  roles: RoleCode[]
  scope: Scope
  disabled: boolean
  locked: boolean
  lockedUntil: string | null
  lastLoginAt: string | null
  createdAt: string
}

export interface PersonCreate {
  username: string
  realName: string
  phone: string
  unitId: Id | null
  roles: RoleCode[]
  scopeKind: ScopeKind
  scopeRegionId?: Id | null
  password: string
}

export interface PersonUpdate {
  realName: string
  phone?: string
  unitId: Id | null
  roles: RoleCode[]
  scopeKind: ScopeKind
  scopeRegionId?: Id | null
  disabled: boolean
}

export interface PersonQuery extends PageQuery {
  q?: string
  unitId?: Id
  role?: string
}

export interface AuditEntry {
  id: Id
  at: string
  actorId: Id | null
  actorName: string
  action: string
  entity: string
  entityId: Id | string | null
  summary: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  ip: string
  requestId: string
}

export interface AuditQuery extends PageQuery {
  actor?: string
  action?: string
  entity?: string
  from?: string
  to?: string
  q?: string
}

export interface ImportResult {
  created: number
  updated: number
}
