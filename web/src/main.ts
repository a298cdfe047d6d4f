import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { setClientHooks } from './api'
import { router } from './router'
import { useSessionStore } from './stores/session'
import './styles.css'

const pinia = createPinia()
const app = createApp(App).use(pinia).use(router)
const session = useSessionStore(pinia)

setClientHooks({
  onUnauthenticated() {
    session.clear()
    const current = router.currentRoute.value
    // Public pages (login, the resident's snap pages) stay where they are.
    if (!current.meta.public) void router.push({ name: 'login', query: { redirect: current.fullPath } })
  },
  onPasswordChangeRequired() {
    if (session.me) session.me.mustChangePassword = true
    void router.push({ name: 'password-change' })
  },
})

app.mount('#app')
