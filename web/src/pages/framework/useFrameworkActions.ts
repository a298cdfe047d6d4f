import { ref } from 'vue'
import { useRouter } from 'vue-router'
import { ApiError, frameworkApi, type ErrorDetail, type Framework } from '@/api'
import { useDownload } from '@/composables/useDownload'
import { confirmAction, showError } from '@/utils/notify'

/** versionName names a framework version for messages and file names: 全国文明城区测评体系 v2. */
export const versionName = (f: Framework) => `${f.name} v${f.version}`

/**
 * useFrameworkActions runs the version actions shared by the list and the detail page: copy (then open
 * the new draft), freeze, check, export and delete. Problems found by check or freeze fill `problems`.
 */
export function useFrameworkActions(hooks: { frozen: () => unknown; removed: () => unknown }) {
  const router = useRouter()
  const { downloading, download } = useDownload()
  const problems = ref({ visible: false, title: '', items: [] as ErrorDetail[] })

  const showProblems = (title: string, items: ErrorDetail[]) => (problems.value = { visible: true, title, items })

  async function copy(f: Framework) {
    if (!(await confirmAction(`确定将“${versionName(f)}”复制为新版本吗？新版本是草稿，可以修改。`))) return
    try {
      const draft = await frameworkApi.copy(f.id)
      ElMessage.success(`已复制为 v${draft.version}`)
      await router.push(`/framework/${draft.id}`)
    } catch (e) {
      showError(e)
    }
  }

  async function freeze(f: Framework) {
    if (!(await confirmAction(`冻结后“${versionName(f)}”不能再修改，只能复制为新版本。确定冻结吗？`))) return
    try {
      await frameworkApi.freeze(f.id)
      ElMessage.success('已冻结')
      await hooks.frozen()
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && e.details.length) showProblems('无法冻结', e.details)
      else showError(e)
    }
  }

  async function check(f: Framework) {
    try {
      const found = (await frameworkApi.check(f.id)).problems ?? []
      if (found.length) showProblems('检查结果', found)
      else ElMessage.success('检查通过：分值与权重一致')
    } catch (e) {
      showError(e)
    }
  }

  async function remove(f: Framework) {
    if (!(await confirmAction(`确定删除草稿“${versionName(f)}”吗？`))) return
    try {
      await frameworkApi.remove(f.id)
      ElMessage.success('已删除')
      await hooks.removed()
    } catch (e) {
      showError(e)
    }
  }

  const exportFile = (f: Framework) => download(() => frameworkApi.exportFile(f.id), `${versionName(f)}.xlsx`)

  return { copy, freeze, check, remove, exportFile, downloading, problems }
}
