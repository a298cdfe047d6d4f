/** showError shows a failed action's Chinese message. */
export function showError(e: unknown): void {
  ElMessage.error(e instanceof Error ? e.message : String(e))
}

/** confirmAction asks before a change; it resolves to false when the user cancels. */
export function confirmAction(message: string, title = '操作确认'): Promise<boolean> {
  return ElMessageBox.confirm(message, title, {
    type: 'warning',
    confirmButtonText: '确定',
    cancelButtonText: '取消',
  }).then(
    () => true,
    () => false,
  )
}
