import type { Messages } from "@/lib/i18n/messages/en";

// Types every use-intl key, so a missing or misspelt message fails the type check.
declare module "use-intl" {
  interface AppConfig {
    Messages: Messages;
  }
}
