import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { authApi, type Me, type RoleCode } from '@/api'
import { can as canDo, hasAnyRole, type Permission } from '@/menu'

/** useSessionStore holds who is signed in. `loaded` tells whether /me has been asked yet. */
export const useSessionStore = defineStore('session', () => {
  const me = ref<Me | null>(null)
  const loaded = ref(false)
  const roles = computed<RoleCode[]>(() => me.value?.roles ?? [])

  function hasRole(...wanted: RoleCode[]): boolean {
    return hasAnyRole(roles.value, wanted)
  }

  function can(permission: Permission): boolean {
    return canDo(roles.value, permission)
  }

  async function load(): Promise<void> {
    try {
      me.value = await authApi.me()
    } catch {
      me.value = null
    }
    loaded.value = true
  }

  async function login(username: string, password: string): Promise<Me> {
    me.value = await authApi.login(username, password)
    loaded.value = true
    return me.value
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout()
    } finally {
      clear()
    }
  }

  function clear(): void {
    me.value = null
  }

  async function changePassword(oldPassword: string, newPassword: string): Promise<void> {
    await authApi.changePassword(oldPassword, newPassword)
    if (me.value) me.value.mustChangePassword = false
  }

  return { me, loaded, roles, hasRole, can, load, login, logout, clear, changePassword }
})
