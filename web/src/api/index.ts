import { http, type Query } from './http'
import type {
  ApiToken, AuditEntry, AuditQuery, Id, ImportResult, Me, Meta, NewApiToken, Page, Person, PersonCreate,
  PersonQuery, PersonUpdate, Region, RegionCreate, RegionUpdate, Unit, UnitInput, UnitQuery,
} from './types'

export { ApiError, errorField, setClientHooks, type Query } from './http'
export type * from './types'

export const authApi = {
  login: (username: string, password: string) => http.post<Me>('/auth/login', { username, password }, true),
  logout: () => http.post<void>('/auth/logout'),
  me: () => http.get<Me>('/me', undefined, true),
  changePassword: (oldPassword: string, newPassword: string) =>
    http.post<void>('/me/password', { oldPassword, newPassword }),
}

export const tokenApi = {
  list: () => http.get<{ items: ApiToken[] }>('/me/tokens'),
  create: (name: string, expiresInDays: number) => http.post<NewApiToken>('/me/tokens', { name, expiresInDays }),
  revoke: (id: Id) => http.del(`/me/tokens/${id}`),
}

export const metaApi = {
  get: () => http.get<Meta>('/meta'),
}

/** Resources with Excel template and import endpoints. */
export type ImportResource = 'regions' | 'units' | 'people'
/** Resources with an Excel export endpoint. */
export type TransferResource = ImportResource | 'audit'

export const transferApi = {
  exportFile: (resource: TransferResource, query?: Query) => http.blob(`/${resource}/export`, query),
  template: (resource: ImportResource) => http.blob(`/${resource}/template`),
  importFile: (resource: ImportResource, file: File) => http.upload<ImportResult>(`/${resource}/import`, file),
}

export const regionApi = {
  list: (q?: string) => http.get<{ items: Region[]; total: number }>('/regions', { q }),
  create: (body: RegionCreate) => http.post<Region>('/regions', body),
  update: (id: Id, body: RegionUpdate) => http.put<Region>(`/regions/${id}`, body),
  remove: (id: Id) => http.del(`/regions/${id}`),
}

export const unitApi = {
  list: (query: UnitQuery) => http.get<Page<Unit>>('/units', { ...query }),
  create: (body: UnitInput) => http.post<Unit>('/units', body),
  update: (id: Id, body: UnitInput) => http.put<Unit>(`/units/${id}`, body),
  remove: (id: Id) => http.del(`/units/${id}`),
}

export const personApi = {
  list: (query: PersonQuery) => http.get<Page<Person>>('/people', { ...query }),
  create: (body: PersonCreate) => http.post<Person>('/people', body),
  update: (id: Id, body: PersonUpdate) => http.put<Person>(`/people/${id}`, body),
  disable: (id: Id) => http.del(`/people/${id}`),
  resetPassword: (id: Id, newPassword: string) => http.post<void>(`/people/${id}/password`, { newPassword }),
  unlock: (id: Id) => http.post<void>(`/people/${id}/unlock`),
}

export const auditApi = {
  list: (query: AuditQuery) => http.get<Page<AuditEntry>>('/audit', { ...query }),
}
