// ARNs to offer when a form asks for IAM principals: on the lab, its own users and roles (a key
// policy may only name principals that exist); on AWS, none (the console cannot list them).
import { onMounted, ref } from 'vue'
import { api } from '../bridge'
import { useAppStore } from '../stores/app'

export function usePrincipalSuggestions() {
  const app = useAppStore()
  const suggestions = ref<string[]>([])
  onMounted(async () => {
    if (app.connection?.kind !== 'lab') return
    try {
      suggestions.value = (await api.iam.listPrincipals({})).map((p) => p.arn)
    } catch {
      suggestions.value = []
    }
  })
  return suggestions
}
