import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router'
import type { Me } from '@/api/types'
import { hasAnyRole } from '@/menu'

type Target = Pick<RouteLocationNormalized, 'name' | 'fullPath' | 'meta'>

/**
 * accessRedirect decides where a navigation may go: `true` to proceed, or the route to go to instead.
 * Signed-out users go to the login page; a user who must change the password goes only there;
 * a user without one of the route's roles sees the 403 page.
 */
export function accessRedirect(to: Target, me: Me | null): true | RouteLocationRaw {
  if (to.meta.public) return me && to.name === 'login' ? { name: 'home' } : true
  if (!me) {
    return to.fullPath === '/' ? { name: 'login' } : { name: 'login', query: { redirect: to.fullPath } }
  }
  if (me.mustChangePassword) return to.name === 'password-change' ? true : { name: 'password-change' }
  if (to.meta.roles && !hasAnyRole(me.roles, to.meta.roles)) return { name: 'forbidden' }
  return true
}
