import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import LoginPage from './LoginPage.vue'

const fetchMock = vi.fn<typeof fetch>()
const me = (mustChangePassword: boolean) => ({
  id: 1,
  username: 'zhang',
  realName: '张三',
  roles: ['office_staff'],
  mustChangePassword,
})

beforeEach(() => vi.stubGlobal('fetch', fetchMock))
afterEach(() => {
  vi.unstubAllGlobals()
  fetchMock.mockReset()
})

async function mountLogin(redirect?: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: ['/', '/login', '/password-change', '/org/units'].map((path) => ({
      path,
      name: path === '/' ? 'home' : path.slice(1),
      component: { template: '<div />' },
    })),
  })
  await router.push({ path: '/login', query: redirect ? { redirect } : {} })
  const wrapper = mount(LoginPage, { global: { plugins: [createPinia(), router] } })
  // The data-test of an el-input lands on the native <input> itself.
  await wrapper.find('input[data-test=login-username]').setValue('zhang')
  await wrapper.find('input[data-test=login-password]').setValue('Secret#2024')
  await wrapper.find('[data-test=login-submit]').trigger('submit')
  await flushPromises()
  return { wrapper, router }
}

describe('LoginPage', () => {
  it('shows the server message for a wrong password and stays', async () => {
    fetchMock.mockResolvedValueOnce(
      new Response(JSON.stringify({ error: { code: 'bad_credentials', message: '用户名或密码错误，还可尝试 2 次' } }), {
        status: 401,
      }),
    )
    const { wrapper, router } = await mountLogin()
    expect(JSON.parse(String(fetchMock.mock.calls[0][1]?.body))).toEqual({ username: 'zhang', password: 'Secret#2024' })
    expect(wrapper.find('[data-test=login-error]').text()).toContain('用户名或密码错误，还可尝试 2 次')
    expect(router.currentRoute.value.path).toBe('/login')
  })

  it('goes to the forced password change when the server asks for it', async () => {
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify(me(true)), { status: 200 }))
    const { router } = await mountLogin('/org/units')
    expect(router.currentRoute.value.path).toBe('/password-change')
  })

  it('goes back to where the user was heading', async () => {
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify(me(false)), { status: 200 }))
    const { router } = await mountLogin('/org/units')
    expect(router.currentRoute.value.path).toBe('/org/units')
  })

  it('never redirects to another site', async () => {
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify(me(false)), { status: 200 }))
    const { router } = await mountLogin('//evil.example/x')
    expect(router.currentRoute.value.path).toBe('/')
  })
})
