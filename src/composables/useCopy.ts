import { ref } from 'vue'
import { errorMessage } from '../core/errorMessage'

/** Copies text to the clipboard and says how it went: `copiedMessage`, or why it could not. */
export function useCopy(copiedMessage: string) {
  const message = ref('')
  const failed = ref(false)

  async function copy(text: string): Promise<boolean> {
    try {
      await navigator.clipboard.writeText(text)
      message.value = copiedMessage
      failed.value = false
    } catch (error) {
      message.value = `Could not copy to the clipboard: ${errorMessage(error)}`
      failed.value = true
    }
    return !failed.value
  }

  return { message, failed, copy }
}
